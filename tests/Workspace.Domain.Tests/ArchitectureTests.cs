using Workspace.Domain.Pipeline;

namespace Workspace.Domain.Tests;

public sealed class ArchitectureTests
{
    [Fact]
    public void Domain_NeverReferencesTheWebOrUiLayers()
    {
        var references = typeof(Sender).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.DoesNotContain(references, name => name.StartsWith("Workspace.Web", StringComparison.Ordinal));
        Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.AspNetCore.Components", StringComparison.Ordinal));
        Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.AspNetCore.Mvc", StringComparison.Ordinal));
    }
}
