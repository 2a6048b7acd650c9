using Microsoft.AspNetCore.Components;
using Workspace.Domain.Channels;
using Workspace.Domain.Common;
using Workspace.Domain.DirectMessages;
using Workspace.Domain.Messages;
using Workspace.Domain.Pipeline;
using Workspace.Domain.Reactions;
using Workspace.Domain.Realtime;
using Workspace.Domain.Threads;
using Workspace.Web.Components.Messages;
using Workspace.Web.Components.Shared;

namespace Workspace.Web.Components.Threads;

/// <summary>
/// A thread beside its channel: the first message, its replies live, and a Reply box. Events apply in the
/// channel's change order; a skipped change reloads the thread, so it always equals a fresh load.
/// </summary>
public sealed partial class ThreadPane : IDisposable
{
    [Parameter, EditorRequired] public Guid RootId { get; set; }
    [Parameter, EditorRequired] public ChannelDetails Channel { get; set; } = default!;
    [Parameter, EditorRequired] public string BasePath { get; set; } = "";
    [Parameter, EditorRequired] public EventCallback OnClose { get; set; }

    [CascadingParameter] private Viewer Viewer { get; set; } = default!;

    [Inject] private Sender Sender { get; set; } = default!;
    [Inject] private IChatEvents Events { get; set; } = default!;

    private readonly SemaphoreSlim gate = new(1, 1);
    private IChatSubscription? subscription;
    private ThreadView? thread;
    private List<MessageView> replies = [];
    private long changeSeq;
    private Guid shownRoot;
    private string? notFound;
    private string? error;
    private bool alsoSend;
    private Composer? composer;
    private Task sends = Task.CompletedTask;

    private MessageActions actions = default!;

    protected override async Task OnParametersSetAsync()
    {
        // Kept while equal, so that the thread's messages see their actions unchanged and need not render again.
        var next = new MessageActions(BasePath, CanMarkUnread: false, ReadOnly: Channel.IsArchived, Edit,
            EventCallback.Factory.Create<MessageView>(this, OnDelete),
            EventCallback.Factory.Create<(MessageView, string)>(this, OnToggleReaction), default, default);
        if (!next.Equals(actions))
            actions = next;
        if (RootId == shownRoot)
            return;
        shownRoot = RootId;
        subscription?.Dispose();
        subscription = Events.Subscribe(OnEventAsync);
        subscription.Follow(ChatEvent.ChannelStream(Channel.Id));
        await gate.WaitAsync();
        try
        {
            await LoadAsync();
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task LoadAsync()
    {
        notFound = null;
        try
        {
            thread = await Sender.Send(new GetThread(Viewer.Id, RootId));
        }
        catch (NotFoundException e)
        {
            thread = null;
            notFound = e.Message;
            return;
        }
        replies = [.. thread.Replies];
        changeSeq = thread.ChangeSeq;
        await MarkReadAsync();
    }

    private Task OnEventAsync(ChatEvent chatEvent) => InvokeAsync(async () =>
    {
        var message = chatEvent switch
        {
            MessagePosted posted => posted.Message,
            MessageChanged changed => changed.Message,
            EventsLost => null,
            _ => null,
        };
        if (message is null && chatEvent is not EventsLost)
            return;
        await gate.WaitAsync();
        try
        {
            if (message is null || message.ChangeSeq > changeSeq + 1)
                await LoadAsync();
            else if (message.ChangeSeq == changeSeq + 1)
            {
                changeSeq = message.ChangeSeq;
                Apply(message);
                if (message.ThreadRootId == RootId)
                    await MarkReadAsync();
            }
        }
        finally
        {
            gate.Release();
        }
        StateHasChanged();
    });

    private void Apply(MessageView message)
    {
        if (thread is null)
            return;
        if (message.Id == RootId)
            thread = thread with { Root = message };
        else if (message.ThreadRootId == RootId)
        {
            var index = replies.FindIndex(r => r.Id == message.Id);
            if (index >= 0)
                replies[index] = message;
            else
            {
                replies.Add(message);
                replies.Sort((a, b) => a.ReplySeq.CompareTo(b.ReplySeq));
            }
        }
    }

    private async Task MarkReadAsync()
    {
        if (Channel.IsMember && replies.Count > 0)
            await Sender.Send(new MarkThreadRead(Viewer.Id, RootId, replies[^1].ReplySeq));
    }

    private Task Send(ComposedMessage composed)
    {
        var also = alsoSend;
        sends = PostAfterAsync(sends, composed, also);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Replies go out in the order they were written, each under the client id the browser gave it, so a resend after
    /// losing the server posts once.
    /// </summary>
    private async Task PostAfterAsync(Task previous, ComposedMessage composed, bool alsoInChannel)
    {
        await previous;
        error = null;
        try
        {
            var posted = await Sender.Send(new PostMessage(Viewer.Id, Channel.Id, composed.Text, composed.ClientMessageId,
                thread!.Root.Seq, alsoInChannel));
            await InvokeAsync(async () =>
            {
                if (composer is not null)
                    await composer.DeliveredAsync(composed.ClientMessageId);
                if (posted.Message.ChangeSeq > changeSeq)
                    Apply(posted.Message);
                // Replying follows the thread, even one unfollowed before.
                thread = thread with { IsFollowing = true };
                StateHasChanged();
            });
        }
        catch (DomainException e)
        {
            await InvokeAsync(async () =>
            {
                if (composer is not null)
                    await composer.DeliveredAsync(composed.ClientMessageId);
                error = $"Your reply was not sent: {e.Message}";
                StateHasChanged();
            });
        }
    }

    private async Task<string?> Edit(MessageView message, string text)
    {
        try
        {
            Apply(await Sender.Send(new EditMessage(Viewer.Id, message.Id, text)));
            return null;
        }
        catch (DomainException e)
        {
            return e.Message;
        }
    }

    private async Task OnDelete(MessageView message)
    {
        try
        {
            await Sender.Send(new DeleteMessage(Viewer.Id, message.Id));
        }
        catch (DomainException e)
        {
            error = e.Message;
        }
    }

    private async Task OnToggleReaction((MessageView Message, string Emoji) reaction)
    {
        try
        {
            Apply(await Sender.Send(new ToggleReaction(Viewer.Id, reaction.Message.Id, reaction.Emoji)));
        }
        catch (DomainException e)
        {
            error = e.Message;
        }
    }

    private async Task ToggleFollowAsync()
    {
        await Sender.Send(new FollowThread(Viewer.Id, RootId, !thread!.IsFollowing));
        thread = thread with { IsFollowing = !thread.IsFollowing };
    }

    public void Dispose() => subscription?.Dispose();
}
