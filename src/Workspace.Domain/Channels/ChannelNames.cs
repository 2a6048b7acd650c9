namespace Workspace.Domain.Channels;

internal static class ChannelNames
{
    public static string Taken(string name) => $"A channel named #{name} already exists. Choose another name.";
}
