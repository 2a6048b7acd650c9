using Microsoft.Extensions.DependencyInjection;
using Workspace.Domain.Pipeline;
using Workspace.Web.Components.Messages;

namespace Workspace.Web.Tests.Messages;

public sealed class ComposerTests : BunitContext
{
    public ComposerTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        // Asked only for mention suggestions, which these tests do not type.
        Services.AddSingleton<Sender>();
    }

    [Fact]
    public void Render_NamesTheBoxAfterTheChannel()
    {
        var composer = Render<Composer>(p => p.Add(c => c.Target, "#general").Add(c => c.OnSend, (ComposedMessage _) => { }));

        Assert.Equal("Message #general", composer.Find("textarea").GetAttribute("aria-label"));
        Assert.NotNull(composer.Find("button[type=submit][aria-label=Send]"));
    }

    [Fact]
    public async Task Send_WithText_HandsItOverAndLetsTheBrowserClear()
    {
        var sent = new List<ComposedMessage>();
        var composer = Render<Composer>(p => p.Add(c => c.Target, "#general").Add(c => c.OnSend, (ComposedMessage message) => sent.Add(message)));

        var id = Guid.NewGuid();
        var taken = await composer.InvokeAsync(() => composer.Instance.Send("line one\nline two", id.ToString()));

        Assert.True(taken);
        Assert.Equal([new ComposedMessage("line one\nline two", id)], sent);
        Assert.Empty(composer.FindAll("[role=alert]"));
    }

    [Fact]
    public async Task Send_WithOnlyWhitespace_SendsNothing()
    {
        var sent = new List<ComposedMessage>();
        var composer = Render<Composer>(p => p.Add(c => c.Target, "#general").Add(c => c.OnSend, (ComposedMessage message) => sent.Add(message)));

        var taken = await composer.InvokeAsync(() => composer.Instance.Send(" \n ", Guid.NewGuid().ToString()));

        Assert.False(taken);
        Assert.Empty(sent);
    }

    [Fact]
    public async Task Send_WithoutAClientMessageId_SendsNothing()
    {
        var sent = new List<ComposedMessage>();
        var composer = Render<Composer>(p => p.Add(c => c.Target, "#general").Add(c => c.OnSend, (ComposedMessage message) => sent.Add(message)));

        var taken = await composer.InvokeAsync(() => composer.Instance.Send("hello", "not-an-id"));

        Assert.False(taken);
        Assert.Empty(sent);
    }

    [Fact]
    public async Task Send_WhenTooLong_ExplainsAndKeepsTheText()
    {
        var sent = new List<ComposedMessage>();
        var composer = Render<Composer>(p => p.Add(c => c.Target, "#general").Add(c => c.OnSend, (ComposedMessage message) => sent.Add(message)));

        var taken = await composer.InvokeAsync(() => composer.Instance.Send(new string('x', 16_001), Guid.NewGuid().ToString()));

        Assert.False(taken);
        Assert.Empty(sent);
        Assert.Equal("Messages are at most 16,000 characters; this one has 16,001.", composer.Find("[role=alert]").TextContent);
    }
}
