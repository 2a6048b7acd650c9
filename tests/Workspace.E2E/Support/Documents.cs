using Microsoft.Playwright;

namespace Workspace.E2E.Support;

public static class Documents
{
    /// <summary>
    /// Runs an action that posts a plain (non-interactive) form and waits until the answer has replaced the page.
    /// The answer can look exactly like the page before it (the same error again), so the old document is marked.
    /// The new document's own ready state is read rather than Playwright's load events: once in CI a
    /// <c>WaitForLoadStateAsync(DOMContentLoaded)</c> waited 30 s on an answer that was already showing.
    /// </summary>
    public static async Task SubmitAndWaitForNewDocumentAsync(this IPage page, Func<Task> submit)
    {
        await page.EvaluateAsync("() => { window.__e2eOldDocument = true; }");
        await submit();
        await page.WaitForFunctionAsync("() => window.__e2eOldDocument !== true && document.readyState !== 'loading'");
    }
}
