using Workspace.Domain.Common;

namespace Workspace.Domain.Tests.Support;

public static class Outcomes
{
    /// <summary>"allowed", or the refusal's type and message: two refusals that read alike compare equal.</summary>
    public static async Task<string> OfAsync(Func<Task> attempt)
    {
        try
        {
            await attempt();
            return "allowed";
        }
        catch (DomainException e)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
    }
}
