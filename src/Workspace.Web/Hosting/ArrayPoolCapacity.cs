namespace Workspace.Web.Hosting;

/// <summary>
/// How many arrays of each size the runtime's shared array pool keeps: 32 per core by default, and a small container
/// has one core. Every circuit's connection rents a buffer from that pool for each message it sends or receives, so
/// when one post went out to a thousand circuits at once, all but 32 of the thousand buffers were new arrays, dropped
/// again when returned, and the collector spent much of the core on them (docs/benchmarks.md, fan-out). The runtime
/// reads the setting from the environment only, once, when the pool is first used: so it is set before anything else
/// runs. An operator's own setting stands.
/// </summary>
internal static class ArrayPoolCapacity
{
    public const string Variable = "DOTNET_SYSTEM_BUFFERS_SHAREDARRAYPOOL_MAXARRAYSPERPARTITION";

    /// <summary>
    /// Room for a buffer per connection of two thousand. The pool keeps only what was returned to it, and lets go of
    /// arrays unused for a while (and sooner under memory pressure), so idle it holds little.
    /// </summary>
    public const int ArraysPerSize = 2048;

    public static void Raise()
    {
        if (Environment.GetEnvironmentVariable(Variable) is null)
            Environment.SetEnvironmentVariable(Variable, ArraysPerSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
