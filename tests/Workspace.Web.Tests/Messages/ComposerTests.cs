using Workspace.Web.Components.Messages;

namespace Workspace.Web.Tests.Messages;

public sealed class ComposerTests : BunitContext
{
    public ComposerTests() => JSInterop.Mode = JSRuntimeMode.Loose;

    [Fact]
    public void Render_NamesTheBoxAfterTheChannel()
    {
        var composer = Render<Composer>(p => p.Add(c => c.Target, "#general").Add(c => c.OnSend, (string _) => { }));

        Assert.Equal("Message #general", composer.Find("textarea").GetAttribute("aria-label"));
        Assert.NotNull(composer.Find("button[type=submit][aria-label=Send]"));
    }

    [Fact]
    public async Task Send_WithText_HandsItOverAndLetsTheBrowserClear()
    {
        var sent = new List<string>();
        var composer = Render<Composer>(p => p.Add(c => c.Target, "#general").Add(c => c.OnSend, (string text) => sent.Add(text)));

        var taken = await composer.InvokeAsync(() => composer.Instance.Send("line one\nline two"));

        Assert.True(taken);
        Assert.Equal(["line one\nline two"], sent);
        Assert.Empty(composer.FindAll("[role=alert]"));
    }

    [Fact]
    public async Task Send_WithOnlyWhitespace_SendsNothing()
    {
        var sent = new List<string>();
        var composer = Render<Composer>(p => p.Add(c => c.Target, "#general").Add(c => c.OnSend, (string text) => sent.Add(text)));

        var taken = await composer.InvokeAsync(() => composer.Instance.Send(" \n "));

        Assert.False(taken);
        Assert.Empty(sent);
    }

    [Fact]
    public async Task Send_WhenTooLong_ExplainsAndKeepsTheText()
    {
        var sent = new List<string>();
        var composer = Render<Composer>(p => p.Add(c => c.Target, "#general").Add(c => c.OnSend, (string text) => sent.Add(text)));

        var taken = await composer.InvokeAsync(() => composer.Instance.Send(new string('x', 16_001)));

        Assert.False(taken);
        Assert.Empty(sent);
        Assert.Equal("Messages are at most 16,000 characters; this one has 16,001.", composer.Find("[role=alert]").TextContent);
    }
}
