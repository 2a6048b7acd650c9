using Workspace.E2E.Support;

[assembly: AssemblyFixture(typeof(BrowserFixture))]
