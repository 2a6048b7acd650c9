using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Workspace.Domain.Integrations;
using Workspace.Domain.Messages;
using Workspace.Domain.Reactions;
using Workspace.Domain.Realtime;
using Workspace.Domain.Tests.Support;

namespace Workspace.Domain.Tests.Realtime;

/// <summary>Events cross between nodes as JSON (<see cref="PostgresChatEvents"/>); each must arrive as it left.</summary>
public sealed class ChatEventSerializationTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public void EveryEventType_IsNamedForSerialization_ExceptTheLocalNoticeOfLoss()
    {
        var named = typeof(ChatEvent).GetCustomAttributes<JsonDerivedTypeAttribute>().Select(a => a.DerivedType).ToHashSet();
        var events = typeof(ChatEvent).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(ChatEvent)) && !t.IsAbstract).ToHashSet();

        Assert.Equal(events.Except([typeof(EventsLost)]).OrderBy(t => t.Name), named.OrderBy(t => t.Name));
    }

    [Fact]
    public async Task Events_RoundTripThroughJson_WithTheirMessagesWhole()
    {
        await using var workspace = await TestWorkspace.CreateAsync(TestWorkspace.Sqlite);
        var general = await workspace.GeneralIdAsync();
        var root = await workspace.PostAsync(workspace.OwnerId, general, "Release **2.0** with <b>care</b> @channel");
        await workspace.Send.Send(new ToggleReaction(workspace.OwnerId, root.Id, "🎉"), Cancel);
        var reply = await workspace.Send.Send(new PostMessage(workspace.OwnerId, general, "in the thread", Guid.NewGuid(), root.Seq), Cancel);
        var withReaction = (await workspace.Send.Send(new GetChannelMessages(workspace.OwnerId, general), Cancel)).Messages.Single(m => m.Id == root.Id);
        ChatEvent[] samples =
        [
            new MessagePosted(reply.Message),
            new MessageChanged(withReaction),
            new ChannelUpdated(general, "general", "topic", IsPrivate: false, IsArchived: true),
            new ChannelDeleted(general),
            new ChannelUnarchived(workspace.OwnerId, general),
            new ChannelRead(workspace.OwnerId, general, 7),
            new ChannelMarkedUnread(workspace.OwnerId, general, 3),
            new ThreadRead(workspace.OwnerId, root.Id, 2, IsFollowing: true),
            new MembershipChanged(workspace.OwnerId, general, IsMember: false),
            new WorkspaceUpdated("Acme", 4),
            new AccountChanged(workspace.OwnerId),
            OutgoingDeliveriesQueued.Instance,
        ];

        foreach (var sample in samples)
        {
            var json = JsonSerializer.Serialize(sample);
            var back = JsonSerializer.Deserialize<ChatEvent>(json)!;
            Assert.Equal(sample.GetType(), back.GetType());
            Assert.Equal(sample.Stream, back.Stream);
            Assert.Equal(json, JsonSerializer.Serialize(back));
        }
        var message = ((MessageChanged)JsonSerializer.Deserialize<ChatEvent>(JsonSerializer.Serialize<ChatEvent>(samples[1]))!).Message;
        Assert.Equal((withReaction.Html, 1, 1), (message.Html, message.Reactions.Count, message.ReplyCount));
    }
}
