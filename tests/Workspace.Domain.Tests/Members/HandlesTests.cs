using Workspace.Domain.Members;

namespace Workspace.Domain.Tests.Members;

public sealed class HandlesTests
{
    [Theory]
    [InlineData("Ann Lee", "ann.lee")]
    [InlineData("  Zoë   O'Brien ", "zoe.obrien")]
    [InlineData("Dr. J. Smith-Jones", "dr.j.smith-jones")]
    [InlineData("under_score 42", "under_score.42")]
    [InlineData("李雷", "member")]
    [InlineData("", "member")]
    public void FromName_WhenGivenAName_KeepsLowercaseAsciiJoinedByDots(string name, string handle) =>
        Assert.Equal(handle, Handles.FromName(name));

    [Fact]
    public void FromName_WhenNameIsLong_CutsToMaxLengthWithoutTrailingDot()
    {
        Assert.Equal(new string('a', 40), Handles.FromName(new string('a', 50)));
        Assert.Equal(new string('a', 39), Handles.FromName(new string('a', 39) + " bcd"));
    }

    [Fact]
    public async Task FirstFreeAsync_WhenBaseIsTaken_CountsUpFromTwo()
    {
        var taken = new HashSet<string> { "ann", "ann2", "ann3" };

        Assert.Equal("ann4", await Handles.FirstFreeAsync("ann", c => Task.FromResult(taken.Contains(c))));
        Assert.Equal("ben", await Handles.FirstFreeAsync("ben", c => Task.FromResult(taken.Contains(c))));
    }
}
