using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Workspace.Benchmarks.Micro;

namespace Workspace.Benchmarks.Scenarios;

/// <summary>
/// Issue 7, scenario 6: BenchmarkDotNet over <see cref="MessageBenchmarks"/>, in this process (no generated project
/// to build), its GitHub-flavoured table folded into the report. A smoke run calls each benchmark once instead.
/// </summary>
public sealed class MicroScenario : IScenario
{
    public string Name => "micro";

    public async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancel)
    {
        var result = new ScenarioResult(Name);
        if (context.Smoke)
        {
            await SmokeAsync(result);
            return result;
        }

        var artifacts = Path.Combine(context.WorkDirectory, "micro");
        var config = ManualConfig.CreateMinimumViable()
            .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(15))
            .AddExporter(MarkdownExporter.GitHub)
            .WithArtifactsPath(artifacts)
            .WithOptions(ConfigOptions.DisableLogFile);
        var summary = BenchmarkRunner.Run<MessageBenchmarks>(config);
        var table = Directory.GetFiles(Path.Combine(artifacts, "results"), "*-report-github.md").Single();
        result.Markdown.Add($"### Micro-benchmarks (BenchmarkDotNet)\n\n{File.ReadAllText(table)}");
        if (summary.HasCriticalValidationErrors || summary.Reports.Any(r => !r.Success))
            result.Fail("micro: a benchmark did not run");
        result.Notes.Add($"micro: BenchmarkDotNet {typeof(BenchmarkRunner).Assembly.GetName().Version} in process (InProcessEmitToolchain), " +
            "3 warm-up and 15 measured iterations per benchmark; table below.");
        return result;
    }

    private static async Task SmokeAsync(ScenarioResult result)
    {
        var benchmarks = new MessageBenchmarks();
        benchmarks.SetUp();
        try
        {
            var sizes = new[]
            {
                benchmarks.PlainMarkdigTypical().Length, benchmarks.SafeRenderTypical().Length,
                benchmarks.PlainMarkdigMaximum().Length, benchmarks.SafeRenderMaximum().Length,
                benchmarks.RegexMentions(), benchmarks.MentionCandidates(),
                benchmarks.ParseTwicePost().Length, benchmarks.ParseOncePost().Length,
                benchmarks.SanitizeByParsing().Length, benchmarks.Sanitize().Length,
                await benchmarks.RenderBareList(), await benchmarks.RenderMessageList(),
            };
            if (sizes.Any(size => size == 0))
                result.Fail("micro: a benchmark produced nothing");
        }
        finally
        {
            benchmarks.CleanUp();
        }
    }
}
