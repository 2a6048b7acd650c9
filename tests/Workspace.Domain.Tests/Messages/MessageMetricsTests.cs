using Workspace.Domain.Messages;
using Workspace.Domain.Tests.Support;

namespace Workspace.Domain.Tests.Messages;

public sealed class MessageMetricsTests
{
    [Fact]
    public async Task PostMessage_WhenStoredThenRepeated_CountsOnePostedMessage()
    {
        await using var workspace = await TestWorkspace.CreateAsync(TestWorkspace.Sqlite);
        using var readings = new MeterReadings(workspace.Meters);
        var send = new PostMessage(workspace.OwnerId, await workspace.GeneralIdAsync(), "counted once", Guid.NewGuid());

        await workspace.Send.Send(send, TestContext.Current.CancellationToken);
        await workspace.Send.Send(send, TestContext.Current.CancellationToken);

        Assert.Equal(1, readings.Total("workspace.messages.posted"));
    }
}
