using Workspace.Domain.Messages;
using Workspace.Domain.Realtime;
using Workspace.Web.Components.Messages;
using Workspace.Web.Tests.Support;

namespace Workspace.Web.Tests.Messages;

public sealed class TimelineTests
{
    [Fact]
    public void Apply_WhenNextChangeArrives_AppendsIt()
    {
        var timeline = new Timeline();
        timeline.Reset(Views.Page([Views.Message(1), Views.Message(2)]));

        var change = timeline.Apply(Views.Message(3));

        Assert.Equal(TimelineChange.Applied, change);
        Assert.Equal([1L, 2L, 3L], timeline.Messages.Select(m => m.Seq));
        Assert.Equal(3, timeline.ChangeSeq);
    }

    [Fact]
    public void Reset_WithPagesLoadedApart_SharesOneCopyOfEachMessageShownAlike()
    {
        var reacted = Views.Message(1) with { Reactions = [new ReactionView("🎉", [Views.Ben], ["Ben Member"])] };
        var plain = Views.Message(2);
        var renamedLater = plain with { AuthorName = "Ann Renamed" };
        var mine = new Timeline();
        var theirs = new Timeline();
        var later = new Timeline();

        mine.Reset(Views.Page([reacted, plain]));
        theirs.Reset(Views.Page([reacted with { Reactions = [new ReactionView("🎉", [Views.Ben], ["Ben Member"])] }, plain with { }]));
        later.Reset(Views.Page([reacted with { Reactions = [new ReactionView("🎉", [Views.Ben, Views.Ann], ["Ben Member", "Ann Owner"])] },
            renamedLater]));

        Assert.Same(mine.Messages[0], theirs.Messages[0]);
        Assert.Same(mine.Messages[1], theirs.Messages[1]);
        // Equal numbers are not enough: a name changed without a new change seq still shows as it now is.
        Assert.Equal(2, later.Messages[0].Reactions[0].Count);
        Assert.Equal("Ann Renamed", later.Messages[1].AuthorName);
        Assert.Equal("Ann Owner", mine.Messages[1].AuthorName);
    }

    [Fact]
    public void KeepNewest_LetsTheOldestGo_AndSaysThereIsMoreAbove()
    {
        var timeline = new Timeline();
        timeline.Reset(Views.Page([.. Enumerable.Range(1, 29).Select(seq => Views.Message(seq))]));
        timeline.Apply(Views.Message(30));

        timeline.KeepNewest(15);

        // The newest 15 begin in the chunk of seqs 10–19, which stays whole.
        Assert.Equal(Enumerable.Range(10, 21).Select(seq => (long)seq), timeline.Messages.Select(m => m.Seq));
        Assert.True(timeline.HasOlder);
        // A late change to a message that went is not shown again; scrolling up loads it as it is.
        timeline.Apply(Views.Message(1, changeSeq: 31));
        Assert.Equal(10L, timeline.Messages[0].Seq);
    }

    [Fact]
    public void KeepNewest_AsMessagesArrive_LetsTheOldestGoAWholeChunkAtATime()
    {
        var timeline = new Timeline();
        timeline.Reset(Views.Page([.. Enumerable.Range(1, 20).Select(seq => Views.Message(seq))]));
        var firstShown = new List<long>();

        for (var seq = 21; seq <= 45; seq++)
        {
            timeline.Apply(Views.Message(seq));
            timeline.KeepNewest(20);
            firstShown.Add(timeline.Messages[0].Seq);
        }

        // Never fewer than 20; the first chunk goes only once every message of it may, so a live message leaves the
        // list's first chunk as it was.
        Assert.Equal([.. Enumerable.Repeat(1L, 8), .. Enumerable.Repeat(10L, 10), .. Enumerable.Repeat(20L, 7)], firstShown);
    }

    [Fact]
    public void KeepNewest_KeepsEverything_WhileTheWindowEndsInThePast()
    {
        var timeline = new Timeline();
        timeline.Reset(Views.Page([Views.Message(1), Views.Message(2), Views.Message(3)]) with { HasNewer = true });

        timeline.KeepNewest(2);

        Assert.Equal([1L, 2L, 3L], timeline.Messages.Select(m => m.Seq));
        Assert.False(timeline.HasOlder);
    }

    [Fact]
    public void Apply_WhenAChangeIsSkipped_ReportsGapAndChangesNothing()
    {
        var timeline = new Timeline();
        timeline.Reset(Views.Page([Views.Message(1)]));

        var change = timeline.Apply(Views.Message(3));

        Assert.Equal(TimelineChange.Gap, change);
        Assert.Equal([1L], timeline.Messages.Select(m => m.Seq));
        Assert.Equal(1, timeline.ChangeSeq);
    }

    [Fact]
    public void Apply_WhenEventRepeatsWhatThePageHad_ShowsItOnce()
    {
        var third = Views.Message(3);
        var timeline = new Timeline();
        timeline.Reset(Views.Page([Views.Message(1), Views.Message(2), third]));

        var change = timeline.Apply(third);

        Assert.Equal(TimelineChange.AlreadyApplied, change);
        Assert.Single(timeline.Messages, m => m.Id == third.Id);
    }

    [Fact]
    public void ApplyChanges_AfterGap_FillsInOrderWithoutDuplicates()
    {
        var timeline = new Timeline();
        var second = Views.Message(2);
        timeline.Reset(Views.Page([Views.Message(1)]));
        timeline.Confirm(second);

        timeline.Apply(new ChannelChanges([second, Views.Message(3), Views.Message(4)], ChangeSeq: 4, Complete: true));

        Assert.Equal([1L, 2L, 3L, 4L], timeline.Messages.Select(m => m.Seq));
        Assert.Equal(4, timeline.ChangeSeq);
    }

    [Fact]
    public void Confirm_WhenOwnSendIsStored_ReplacesPendingWithTheMessage()
    {
        var clientId = Guid.NewGuid();
        var timeline = new Timeline();
        timeline.Reset(Views.Page([]));
        timeline.AddPending(new PendingMessage(clientId, Views.Ann, "hello"));

        timeline.Confirm(Views.Message(1, clientMessageId: clientId));

        Assert.Empty(timeline.Pending);
        Assert.Single(timeline.Messages);
    }

    [Fact]
    public void Apply_WhenLiveEventBeatsTheSendsAnswer_ShowsTheMessageOnce()
    {
        var clientId = Guid.NewGuid();
        var stored = Views.Message(1, clientMessageId: clientId);
        var timeline = new Timeline();
        timeline.Reset(Views.Page([]));
        timeline.AddPending(new PendingMessage(clientId, Views.Ann, "hello"));

        timeline.Apply(stored);
        timeline.Confirm(stored);

        Assert.Empty(timeline.Pending);
        Assert.Single(timeline.Messages);
    }

    [Fact]
    public void Apply_WhenAnotherAuthorUsesTheSameClientId_KeepsOwnPending()
    {
        var clientId = Guid.NewGuid();
        var timeline = new Timeline();
        timeline.Reset(Views.Page([]));
        timeline.AddPending(new PendingMessage(clientId, Views.Ann, "mine"));

        timeline.Apply(Views.Message(1, author: Views.Ben, clientMessageId: clientId));

        Assert.Single(timeline.Pending);
    }

    [Fact]
    public void Apply_WhileWindowEndsInThePast_TracksTheChangeButDoesNotAppend()
    {
        var timeline = new Timeline();
        timeline.Reset(Views.Page([Views.Message(10), Views.Message(11)], hasOlder: true, hasNewer: true, changeSeq: 20));

        var change = timeline.Apply(Views.Message(21));

        Assert.Equal(TimelineChange.Applied, change);
        Assert.Equal([10L, 11L], timeline.Messages.Select(m => m.Seq));
        Assert.Equal(21, timeline.ChangeSeq);
    }

    [Fact]
    public void AddOlder_PrependsInSeqOrder()
    {
        var timeline = new Timeline();
        timeline.Reset(Views.Page([Views.Message(51), Views.Message(52)], hasOlder: true));

        timeline.AddOlder(Views.Page([Views.Message(49), Views.Message(50)], hasOlder: false));

        Assert.Equal([49L, 50L, 51L, 52L], timeline.Messages.Select(m => m.Seq));
        Assert.False(timeline.HasOlder);
    }
}
