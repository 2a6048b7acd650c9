using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using Workspace.Domain.Channels;
using Workspace.Domain.Common;
using Workspace.Domain.DirectMessages;
using Workspace.Domain.Messages;
using Workspace.Domain.Pipeline;
using Workspace.Domain.Reactions;
using Workspace.Domain.Realtime;
using Workspace.Domain.Unread;
using Workspace.Web.Components.Messages;
using Workspace.Web.Components.Shared;

namespace Workspace.Web.Components.Channels;

/// <summary>One channel: its header, its history and live messages, and the composer.</summary>
public sealed partial class ChannelPage : IDisposable
{
    [Parameter] public string? Name { get; set; }

    /// <summary>For /dm/{handles}: the other people in a direct conversation, comma-separated.</summary>
    [Parameter] public string? Handles { get; set; }
    [Parameter] public long? Seq { get; set; }

    /// <summary>The open thread's first message, from ?thread= so that a thread has an address.</summary>
    [SupplyParameterFromQuery] public Guid? Thread { get; set; }

    [CascadingParameter] private Viewer Viewer { get; set; } = default!;

    [Inject] private Sender Sender { get; set; } = default!;
    [Inject] private IChatEvents Events { get; set; } = default!;
    [Inject] private ActiveChannel Active { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private LiveReading LiveReading { get; set; } = default!;

    private Timeline timeline = new();

    // Events and loads interleave at every await; one at a time keeps the timeline's change order exact.
    private readonly SemaphoreSlim gate = new(1, 1);

    private IChatSubscription? subscription;
    private ChannelDetails? details;
    private string? notFound;
    private long? firstUnreadSeq;
    private int window;
    private bool markedUnread;

    /// <summary>Whether the list is scrolled to the newest messages; while it is, the oldest give way to arrivals.</summary>
    private bool listAtNewest = true;

    /// <summary>Two pages: what a reader at the newest messages keeps above them as more arrive.</summary>
    private const int LiveWindow = 2 * MessagePaging.PageSize;
    private IReadOnlyList<string> notInChannel = [];
    private Task sends = Task.CompletedTask;
    private Composer? composer;
    private MessageList? messageList;
    private string? actionError;
    private string? shownAddress;
    private long? shownSeq;

    protected override async Task OnParametersSetAsync()
    {
        var address = Name ?? "@" + Handles;
        if (address == shownAddress && Seq == shownSeq)
            return;
        shownAddress = address;
        shownSeq = Seq;
        await ReopenAsync();
    }

    private async Task ReopenAsync()
    {
        await gate.WaitAsync();
        try
        {
            await OpenAsync();
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task OpenAsync()
    {
        subscription?.Dispose();
        subscription = null;
        notFound = null;
        try
        {
            details = Handles is null
                ? await Sender.Send(new OpenChannel(Viewer.Id, Name!))
                : await Sender.Send(new OpenDirectConversation(Viewer.Id, Handles.Split(',', StringSplitOptions.RemoveEmptyEntries)));
        }
        catch (Exception e) when (e is NotFoundException or InvalidInputException)
        {
            details = null;
            notFound = e.Message;
            Active.Set(null, isReading: false);
            return;
        }
        if (Active.Id != details.Id)
            timeline = new Timeline();
        markedUnread = false;
        // Follow before loading: whatever commits after the load is then certain to arrive as an event.
        subscription = Events.Subscribe(OnEventAsync);
        subscription.Follow(ChatEvent.ChannelStream(details.Id));
        subscription.Follow(ChatEvent.UserStream(Viewer.Id));
        firstUnreadSeq = details.IsMember && details.LastReadSeq < details.LastSeq ? details.LastReadSeq + 1 : null;
        // Reading starts at the first unread message; when that is further back than the newest page, the
        // window opens around it and the channel counts as read once the reader has scrolled to the end.
        var start = Seq ?? (firstUnreadSeq is { } first && details.LastSeq - first >= MessagePaging.PageSize ? first : null);
        timeline.Reset(await Sender.Send(new GetChannelMessages(Viewer.Id, details.Id, Around: start)));
        window++;
        ShowReading();
        await MarkReadAsync(details.LastSeq);
        notInChannel = [];
        if (!details.IsDirect)
            await JS.InvokeVoidAsync("workspace.rememberChannel", details.Name);
    }

    private Task OnEventAsync(ChatEvent chatEvent) => InvokeAsync(async () =>
    {
        await gate.WaitAsync();
        Changed changed;
        try
        {
            changed = await ApplyAsync(chatEvent);
        }
        finally
        {
            gate.Release();
        }
        // Most of what the viewer's own stream carries (their read pointer moving, say) changes nothing on this page,
        // and a live message changes only the list: the header and the composer need not even be asked.
        if (changed == Changed.Messages && messageList is not null)
            messageList.Refresh();
        else if (changed != Changed.Nothing)
            StateHasChanged();
    });

    private enum Changed { Nothing, Messages, Page }

    /// <summary>Applies an event to the page and says what of the page it changed.</summary>
    private async Task<Changed> ApplyAsync(ChatEvent chatEvent)
    {
        if (details is null)
            return Changed.Nothing;
        switch (chatEvent)
        {
            case MessagePosted posted when posted.Message.ChannelId == details.Id:
                var gap = timeline.Apply(posted.Message) == TimelineChange.Gap;
                if (gap)
                    await CatchUpAsync();
                if (listAtNewest)
                    timeline.KeepNewest(LiveWindow);
                // Noted, not written: LiveReading moves every reader's pointer in one write a second.
                if (IsReading)
                    LiveReading.Saw(Viewer.Id, details.Id, posted.Message.Seq);
                // Catching up may have opened a fresh window, which the page hands the list.
                return gap ? Changed.Page : Changed.Messages;
            case MessageChanged changed when changed.Message.ChannelId == details.Id:
                if (timeline.Apply(changed.Message) != TimelineChange.Gap)
                    return Changed.Messages;
                await CatchUpAsync();
                break;
            case ChannelMarkedUnread unread when unread.ChannelId == details.Id:
                // Marked on another page of theirs: what this one noted before must not move the pointer past it later.
                await LiveReading.ForgetAsync(Viewer.Id, details.Id);
                StopReadingAt(unread.LastReadSeq + 1);
                break;
            case ChannelUpdated { IsPrivate: true } updated when updated.ChannelId == details.Id && !details.IsMember:
                LeaveForGeneral();
                break;
            case ChannelUpdated updated when updated.ChannelId == details.Id && updated.IsArchived != details.IsArchived:
                // Archived or back: what this page may do has changed.
                await OpenAsync();
                break;
            case ChannelUpdated updated when updated.ChannelId == details.Id:
                details = details with { Name = updated.Name, Topic = updated.Topic, IsPrivate = updated.IsPrivate };
                if (Name != updated.Name)
                {
                    shownAddress = updated.Name;
                    Navigation.NavigateTo($"/c/{updated.Name}", replace: true);
                }
                break;
            case ChannelDeleted deleted when deleted.ChannelId == details.Id:
                LeaveForGeneral();
                break;
            // Taken out of a private channel (here or by an admin): nothing of it may stay on the screen.
            case MembershipChanged { IsMember: false } changed when changed.ChannelId == details.Id && details.IsPrivate:
                LeaveForGeneral();
                break;
            case MembershipChanged changed when changed.ChannelId == details.Id && changed.IsMember != details.IsMember:
                // Joined or left in another tab: what this page may show and do has changed.
                await OpenAsync();
                break;
            case EventsLost:
                await CatchUpAsync();
                break;
            default:
                return Changed.Nothing;
        }
        return Changed.Page;
    }

    /// <summary>
    /// The viewer may no longer see this channel, or it is gone: stop hearing of it before anything else applies,
    /// and go where everyone can be.
    /// </summary>
    private void LeaveForGeneral()
    {
        subscription?.Dispose();
        subscription = null;
        details = null;
        timeline = new Timeline();
        Active.Set(null, isReading: false);
        Navigation.NavigateTo($"/c/{Channel.General}", replace: true);
    }

    private async Task CatchUpAsync()
    {
        var changes = await Sender.Send(new GetChannelChanges(Viewer.Id, details!.Id, timeline.ChangeSeq));
        if (changes.Complete)
            timeline.Apply(changes);
        else
        {
            timeline.Reset(await Sender.Send(new GetChannelMessages(Viewer.Id, details.Id)));
            window++;
        }
    }

    /// <summary>A member reading the newest messages marks them read as they arrive, unless they chose "Mark unread".</summary>
    private bool IsReading => details is { IsMember: true } && !timeline.HasNewer && !markedUnread;

    private void ShowReading() => Active.Set(details?.Id, IsReading);

    private async Task MarkReadAsync(long seq)
    {
        if (IsReading)
            await Sender.Send(new MarkChannelRead(Viewer.Id, details!.Id, seq));
    }

    private void StopReadingAt(long firstUnread)
    {
        markedUnread = true;
        firstUnreadSeq = firstUnread;
        ShowReading();
    }

    private async Task LoadOlderAsync()
    {
        var oldest = timeline.Messages.Count > 0 ? timeline.Messages[0].Seq : long.MaxValue;
        timeline.AddOlder(await Sender.Send(new GetChannelMessages(Viewer.Id, details!.Id, Before: oldest)));
    }

    private async Task LoadNewerAsync()
    {
        await gate.WaitAsync();
        try
        {
            var newest = timeline.Messages.Count > 0 ? timeline.Messages[^1].Seq : 0;
            timeline.AddNewer(await Sender.Send(new GetChannelMessages(Viewer.Id, details!.Id, After: newest)));
            if (!timeline.HasNewer)
            {
                // The window has reached the present: from here on live events extend it.
                await CatchUpAsync();
                ShowReading();
                await MarkReadAsync(long.MaxValue);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    private Task Send(ComposedMessage composed)
    {
        var pending = new PendingMessage(composed.ClientMessageId, Viewer.Id, composed.Text);
        timeline.AddPending(pending);
        if (timeline.HasNewer)
            Navigation.NavigateTo(Conversation.PathOf(details!, Viewer.Member.Handle));
        sends = PostAfterAsync(sends, pending);
        return Task.CompletedTask;
    }

    /// <summary>One person's messages go out one after another, so they are numbered in the order they were sent.</summary>
    private async Task PostAfterAsync(Task previous, PendingMessage pending)
    {
        await previous;
        await PostAsync(pending);
    }

    private Task RetryAsync(PendingMessage pending)
    {
        pending.Error = null;
        return PostAsync(pending);
    }

    private async Task Discard(PendingMessage pending)
    {
        timeline.Discard(pending.ClientMessageId);
        if (composer is not null)
            await composer.DeliveredAsync(pending.ClientMessageId);
    }

    /// <summary>Posts with the pending message's client id, so that a retry after any failure posts at most once.</summary>
    private async Task PostAsync(PendingMessage pending)
    {
        var channelId = details!.Id;
        try
        {
            var posted = await Sender.Send(new PostMessage(Viewer.Id, channelId, pending.Text, pending.ClientMessageId));
            await InvokeAsync(async () =>
            {
                if (composer is not null)
                    await composer.DeliveredAsync(pending.ClientMessageId);
                if (details?.Id == channelId)
                {
                    timeline.Confirm(posted.Message);
                    if (posted.NotInChannel.Count > 0)
                        notInChannel = posted.NotInChannel;
                }
                StateHasChanged();
            });
        }
        catch (Exception e)
        {
            await InvokeAsync(async () =>
            {
                // Refused for good: sending it again would only be refused again. Anything else may pass on a retry.
                if (e is DomainException && composer is not null)
                    await composer.DeliveredAsync(pending.ClientMessageId);
                pending.Error = e is DomainException ? e.Message : "The message could not be sent. Check your connection and retry.";
                StateHasChanged();
            });
        }
    }

    private Task AddMentionedAsync() => RunAsync(async () =>
    {
        var channel = details!;
        foreach (var handle in notInChannel)
            await Sender.Send(new AddChannelMember(Viewer.Id, channel.Id, handle));
        notInChannel = [];
        details = channel with { MemberCount = (await Sender.Send(new OpenChannelById(Viewer.Id, channel.Id))).MemberCount };
    });

    private async Task JoinAsync()
    {
        await Sender.Send(new JoinChannel(Viewer.Id, details!.Id));
        await ReopenAsync();
    }

    private async Task LeaveAsync()
    {
        await Sender.Send(new LeaveChannel(Viewer.Id, details!.Id));
        if (details.IsPrivate)
            Navigation.NavigateTo("/c/general");
        else
            await ReopenAsync();
    }

    private async Task<string?> RenameAsync(string newName)
    {
        try
        {
            var renamed = await Sender.Send(new RenameChannel(Viewer.Id, details!.Id, newName));
            details = details with { Name = renamed.Name };
            shownAddress = renamed.Name;
            Navigation.NavigateTo($"/c/{renamed.Name}", replace: true);
            return null;
        }
        catch (DomainException e)
        {
            return e.Message;
        }
    }

    private async Task<string?> SetTopicAsync(string topic)
    {
        try
        {
            await Sender.Send(new SetChannelTopic(Viewer.Id, details!.Id, topic));
            details = details with { Topic = topic.Trim() };
            return null;
        }
        catch (DomainException e)
        {
            return e.Message;
        }
    }

    private async Task<string?> EditAsync(MessageView message, string text)
    {
        try
        {
            timeline.Confirm(await Sender.Send(new EditMessage(Viewer.Id, message.Id, text)));
            return null;
        }
        catch (DomainException e)
        {
            return e.Message;
        }
    }

    private Task DeleteAsync(MessageView message) => RunAsync(async () =>
    {
        await Sender.Send(new DeleteMessage(Viewer.Id, message.Id));
        timeline.Remove(message.Id);
    });

    private Task ToggleReactionAsync((MessageView Message, string Emoji) reaction) => RunAsync(async () =>
        timeline.Confirm(await Sender.Send(new ToggleReaction(Viewer.Id, reaction.Message.Id, reaction.Emoji))));

    private Task MarkUnreadAsync(MessageView message) => RunAsync(async () =>
    {
        // From here on nothing arriving is noted as read, and what was noted lands before the mark.
        markedUnread = true;
        try
        {
            await LiveReading.ForgetAsync(Viewer.Id, details!.Id);
            var pointer = await Sender.Send(new MarkChannelUnread(Viewer.Id, details!.Id, message.Seq));
            StopReadingAt(pointer + 1);
        }
        catch
        {
            markedUnread = false;
            throw;
        }
    });

    /// <summary>Runs one action on a message; a refusal shows above the composer instead of failing the page.</summary>
    private async Task RunAsync(Func<Task> action)
    {
        actionError = null;
        try
        {
            await action();
        }
        catch (DomainException e)
        {
            actionError = e.Message;
        }
    }

    private void OpenThread(Guid rootId) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("thread", rootId));

    private void CloseThread() =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("thread", (Guid?)null));

    public void Dispose()
    {
        subscription?.Dispose();
        Active.Set(null, isReading: false);
    }
}
