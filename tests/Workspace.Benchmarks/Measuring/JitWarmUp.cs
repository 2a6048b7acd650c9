using System.Diagnostics;
using System.Globalization;
using System.Runtime;

namespace Workspace.Benchmarks.Measuring;

/// <summary>
/// Keeps a load running until the app's JIT has gone quiet, read from the runtime's own counter on the app's
/// <c>/metrics</c> (<c>dotnet_jit_compiled_methods_total</c>). Under load on one core, tiered compilation takes a
/// minute or more to replace the quick first-pass code of every hot method with optimized code (measured: posts/s
/// tripled between the 15th and the 90th second), so a figure taken before then measures the JIT, not the server.
/// </summary>
public static class JitWarmUp
{
    /// <summary>
    /// Fewer (re)compiled methods than this in each of <see cref="QuietWindows"/> windows in a row counts as quiet (what
    /// is left is the odd cold path); while it tiers up, the JIT compiles hundreds to thousands per window.
    /// </summary>
    public const int QuietMethodsPerWindow = 50;
    public const int QuietWindows = 2;
    public const int QuietMethodsInProcess = 5;

    /// <summary>
    /// Quiet is not enough at first: right after start-up the runtime may hold back tiering (it waits for a second
    /// without new methods, on one core), and the JIT idles for a window or two before the real work begins.
    /// </summary>
    public static readonly TimeSpan ShortestOnOneCore = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The same stall in the benchmark's own process: a run's first query measured at 2.46 ms p50 where the same
    /// query measured 0.83 ms once warm, after a warm-up that had looked quiet.
    /// </summary>
    public static readonly TimeSpan ShortestInProcess = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Runs <paramref name="load"/> a window at a time until the JIT is quiet, or <paramref name="smoke"/>: one short
    /// window, whatever the JIT does.
    /// </summary>
    public static async Task<Result> RunAsync(Uri app, Func<TimeSpan, Task> load, bool smoke, CancellationToken cancel)
    {
        var (window, shortest, longest) = smoke
            ? (TimeSpan.FromSeconds(0.3), TimeSpan.Zero, TimeSpan.Zero)
            : (TimeSpan.FromSeconds(5), ShortestOnOneCore, TimeSpan.FromMinutes(4));
        using var http = new HttpClient { BaseAddress = app };
        var started = DateTime.UtcNow;
        var compiled = new List<long>();
        var before = await CompiledMethodsAsync(http, cancel);
        while (true)
        {
            await load(window);
            var after = await CompiledMethodsAsync(http, cancel);
            compiled.Add(after - before);
            before = after;
            var elapsed = DateTime.UtcNow - started;
            var quiet = compiled.Count >= QuietWindows && compiled.TakeLast(QuietWindows).All(n => n < QuietMethodsPerWindow);
            if ((quiet && elapsed >= shortest) || elapsed >= longest)
                return new Result(elapsed, window, compiled, quiet);
        }
    }

    /// <summary>
    /// The same for an operation run in this process: repeated for windows of a second, at least
    /// <see cref="ShortestInProcess"/>, until two in a row compiled fewer than <see cref="QuietMethodsInProcess"/>
    /// methods, or a minute has passed.
    /// </summary>
    public static async Task RunInProcessAsync(Func<int, Task> operation)
    {
        var started = Stopwatch.GetTimestamp();
        var quietWindows = 0;
        for (var i = 0; (quietWindows < QuietWindows || Stopwatch.GetElapsedTime(started) < ShortestInProcess)
             && Stopwatch.GetElapsedTime(started) < TimeSpan.FromMinutes(1);)
        {
            var before = JitInfo.GetCompiledMethodCount();
            var windowStarted = Stopwatch.GetTimestamp();
            while (Stopwatch.GetElapsedTime(windowStarted) < TimeSpan.FromSeconds(1))
                await operation(i++);
            quietWindows = JitInfo.GetCompiledMethodCount() - before < QuietMethodsInProcess ? quietWindows + 1 : 0;
        }
    }

    public const string CompiledMethodsCounter = "dotnet_jit_compiled_methods_total";

    public static async Task<long> CompiledMethodsAsync(HttpClient http, CancellationToken cancel)
    {
        const string counter = CompiledMethodsCounter;
        var text = await http.GetStringAsync("metrics", cancel);
        var line = text.Split('\n').FirstOrDefault(l => l.StartsWith(counter + "{", StringComparison.Ordinal) || l.StartsWith(counter + " ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"The app's /metrics has no {counter}: is the System.Runtime meter exported?");
        return (long)double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
    }

    /// <param name="Compiled">Methods (re)compiled in each window; the last ones quiet unless the time ran out first.</param>
    public sealed record Result(TimeSpan Took, TimeSpan Window, IReadOnlyList<long> Compiled, bool Quiet)
    {
        public string Describe() =>
            $"{Took.TotalSeconds:F0} s of warm-up ({string.Join(", ", Compiled)} methods compiled per {Window.TotalSeconds:F1} s" +
            (Quiet ? ", then quiet)" : "; still compiling when it stopped)");
    }
}
