using Workspace.Domain.Integrations;

namespace Workspace.Domain.Tests.Integrations;

public sealed class SlackTextTests
{
    [Theory]
    [InlineData("Build *passed* on _main_", "Build **passed** on _main_")]
    [InlineData("*bold* and **already bold** and 2*3*4", "**bold** and **already bold** and 2*3*4")]
    [InlineData("* not a list bold *", "* not a list bold *")]
    [InlineData("~gone~ but not~this~", "~~gone~~ but not~this~")]
    [InlineData("See <https://example.com/run/42|run 42> or <https://example.com>", "See [run 42](https://example.com/run/42) or <https://example.com>")]
    [InlineData("<!channel> deploy at 5, <!here> too", "@channel deploy at 5, @here too")]
    [InlineData("Done :rocket: :thumbs_up: :no_such_emoji:", "Done 🚀 👍 :no_such_emoji:")]
    [InlineData("<javascript:alert(1)|click>", "<javascript:alert(1)|click>")]
    [InlineData("`*code*` and *this*", "`*code*` and **this**")]
    [InlineData("```\n*block* <!here>\n``` *after*", "```\n*block* <!here>\n``` **after**")]
    public void ToMarkdown_TranslatesSlacksFormatting(string slack, string markdown) =>
        Assert.Equal(markdown, SlackText.ToMarkdown(slack));
}
