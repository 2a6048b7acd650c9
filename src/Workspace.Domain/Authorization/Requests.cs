namespace Workspace.Domain.Authorization;

/// <summary>A command or query run for a signed-in person; <see cref="ActorId"/> is who.</summary>
public interface IActorRequest
{
    Guid ActorId { get; }
}

/// <summary>Acts on one channel, named by id.</summary>
public interface IChannelRequest : IActorRequest
{
    Guid ChannelId { get; }
}

/// <summary>Acts on one channel, named by its name (or a direct conversation's key).</summary>
public interface IChannelNameRequest : IActorRequest
{
    string ChannelName { get; }
}

/// <summary>Acts on one message (or thread root); its channel decides who may.</summary>
public interface IMessageRequest : IActorRequest
{
    Guid MessageId { get; }
}
