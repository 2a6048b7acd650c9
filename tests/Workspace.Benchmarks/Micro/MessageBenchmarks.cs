using System.Text;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Bunit;
using Markdig;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Workspace.Domain.Members;
using Workspace.Domain.Messages;
using Workspace.Web.Components.Messages;
using Workspace.Web.Components.Shared;

namespace Workspace.Benchmarks.Micro;

/// <summary>
/// Issue 7, scenario 6. Each category has its baseline: Markdig's plain pipeline for our safe rendering (which adds
/// mentions, the link scheme allow-list and HtmlSanitizer), a bare regex for mention extraction (which parses the
/// Markdown so code and links are skipped), a bare list of the same 50 bodies for the message list's render, and for
/// a post's whole Markdown work (its mention candidates, then its HTML) the text parsed twice, as it was before, and for
/// the sanitizer's check of the renderer's own markup the parse it spares.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public partial class MessageBenchmarks
{
    public const string Typical = "Deploy of **api** to staging is done — see https://ci.example.com/builds/4521 and tell @ann if `health` turns red.\n\n" +
        "- migrations ran\n- caches warmed";

    public static readonly string MaximumLength = MaxLength();

    private static readonly IReadOnlySet<string> Mentioned = new HashSet<string> { "ann" };
    private BunitContext? renderer;
    private IReadOnlyList<MessageView> page = [];
    private string typicalHtml = "";
    private readonly Timeline timeline = new();

    [GlobalSetup]
    public void SetUp()
    {
        renderer = new BunitContext();
        renderer.JSInterop.Mode = JSRuntimeMode.Loose;
        var ann = Guid.NewGuid();
        var ben = Guid.NewGuid();
        var html = typicalHtml = MarkdownRenderer.ToHtml(Typical, Mentioned);
        var noon = new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
        page = Enumerable.Range(1, 50).Select(seq => new MessageView(Guid.CreateVersion7(), Guid.Empty, seq, seq,
                seq % 4 == 0 ? ben : ann, seq % 4 == 0 ? "Ben Member" : "Ann Owner", seq % 4 == 0 ? "ben" : "ann",
                Typical, html, Guid.NewGuid(), noon.AddMinutes(seq * 3), MentionedUserIds: seq % 4 == 0 ? [ann] : null))
            .ToList();
        timeline.Reset(new MessagePage(page, HasOlder: false, HasNewer: false, ChangeSeq: page.Count));
        Viewer = new Viewer(new MemberView(ann, "Ann Owner", "ann", WorkspaceRole.Owner), TimeZoneInfo.Utc);
    }

    private Viewer Viewer { get; set; } = default!;

    [Benchmark(Baseline = true), BenchmarkCategory("Markdown, typical message")]
    public string PlainMarkdigTypical() => Markdown.ToHtml(Typical);

    [Benchmark, BenchmarkCategory("Markdown, typical message")]
    public string SafeRenderTypical() => MarkdownRenderer.ToHtml(Typical, Mentioned);

    [Benchmark(Baseline = true), BenchmarkCategory("Markdown, 16,000 characters")]
    public string PlainMarkdigMaximum() => Markdown.ToHtml(MaximumLength);

    [Benchmark, BenchmarkCategory("Markdown, 16,000 characters")]
    public string SafeRenderMaximum() => MarkdownRenderer.ToHtml(MaximumLength, Mentioned);

    [Benchmark(Baseline = true), BenchmarkCategory("Mention extraction, typical message")]
    public int RegexMentions() => AtWord().Count(Typical);

    [Benchmark, BenchmarkCategory("Mention extraction, typical message")]
    public int MentionCandidates() => MarkdownRenderer.MentionCandidates(Typical).Count;

    /// <summary>What a post did until 7 December: the text parsed for its mentions, then again to render.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("A post's Markdown: mentions, then HTML")]
    public string ParseTwicePost() => MarkdownRenderer.ToHtml(Typical, Mentioned.Intersect(MarkdownRenderer.MentionCandidates(Typical)).ToHashSet());

    [Benchmark, BenchmarkCategory("A post's Markdown: mentions, then HTML")]
    public string ParseOncePost()
    {
        var parsed = MarkdownRenderer.Parse(Typical);
        return parsed.ToHtml(Mentioned.Intersect(parsed.MentionCandidates).ToHashSet());
    }

    /// <summary>The safe rendering's second pass over a typical message: the parse it always made, and the check that spares it.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Sanitizing a typical message's HTML")]
    public string SanitizeByParsing() => MessageHtmlSanitizer.SanitizeByParsing(typicalHtml);

    [Benchmark, BenchmarkCategory("Sanitizing a typical message's HTML")]
    public string Sanitize() => MessageHtmlSanitizer.Sanitize(typicalHtml);

    [Benchmark(Baseline = true), BenchmarkCategory("Message list, 50 messages")]
    public Task<int> RenderBareList() => CountAsync(renderer!.Render<BareList>(p => p.Add(l => l.Messages, page)));

    [Benchmark, BenchmarkCategory("Message list, 50 messages")]
    public Task<int> RenderMessageList() => CountAsync(renderer!.Render<MessageList>(p => p
        .AddCascadingValue(Viewer)
        .Add(l => l.BasePath, "/c/general")
        .Add(l => l.Timeline, timeline)
        .Add(l => l.Edit, (_, _) => Task.FromResult<string?>(null))));

    /// <summary>Reads the rendered markup (as the circuit's diff would be sent), then drops the component so runs don't pile up.</summary>
    private async Task<int> CountAsync<TComponent>(IRenderedComponent<TComponent> rendered) where TComponent : IComponent
    {
        var length = rendered.Markup.Length;
        await renderer!.DisposeComponentsAsync();
        return length;
    }

    [GlobalCleanup]
    public void CleanUp() => renderer?.Dispose();

    private static string MaxLength()
    {
        var text = new StringBuilder();
        for (var n = 1; text.Length < Message.MaxLength; n++)
            text.Append($"{n}. Step **{n}** of the _rollout_: run `deploy --stage {n}`, check https://ci.example.com/builds/{n} and tell @ann.\n");
        return text.ToString(0, Message.MaxLength);
    }

    [GeneratedRegex(@"@(\w+)")]
    private static partial Regex AtWord();

    /// <summary>The least a list of messages can render: an article with its author and body per message.</summary>
    public sealed class BareList : ComponentBase
    {
        [Parameter, EditorRequired] public IReadOnlyList<MessageView> Messages { get; set; } = [];

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenElement(0, "div");
            builder.AddAttribute(1, "role", "log");
            foreach (var message in Messages)
            {
                builder.OpenElement(2, "article");
                builder.SetKey(message.Id);
                builder.AddAttribute(3, "data-seq", message.Seq);
                builder.OpenElement(4, "header");
                builder.AddContent(5, message.AuthorName);
                builder.CloseElement();
                builder.AddMarkupContent(6, message.Html);
                builder.CloseElement();
            }
            builder.CloseElement();
        }
    }
}
