using System.Net;
using Workspace.Domain.Integrations;

namespace Workspace.Domain.Tests.Integrations;

public sealed class OutgoingDeliveryRulesTests
{
    [Theory]
    [InlineData("127.0.0.1", "a loopback address")]
    [InlineData("127.8.9.10", "a loopback address")]
    [InlineData("::1", "a loopback address")]
    [InlineData("::ffff:127.0.0.1", "a loopback address")]
    [InlineData("10.1.2.3", "a private address")]
    [InlineData("172.16.0.1", "a private address")]
    [InlineData("172.31.255.255", "a private address")]
    [InlineData("192.168.1.1", "a private address")]
    [InlineData("fd12:3456::1", "a private address")]
    [InlineData("fc00::1", "a private address")]
    [InlineData("100.64.0.1", "a shared (carrier-grade NAT) address")]
    [InlineData("100.127.255.254", "a shared (carrier-grade NAT) address")]
    [InlineData("169.254.169.254", "a link-local address")]
    [InlineData("fe80::1", "a link-local address")]
    [InlineData("0.0.0.0", "an unspecified address")]
    [InlineData("::", "an unspecified address")]
    [InlineData("224.0.0.1", "a multicast address")]
    [InlineData("ff02::1", "a multicast address")]
    [InlineData("255.255.255.255", "a reserved or broadcast address")]
    [InlineData("64:ff9b::a00:1", "a private address")]
    public void Refusal_OfAnAddressOnTheServersOwnNetwork_SaysWhatKind(string address, string expected) =>
        Assert.Equal(expected, PrivateNetworks.Refusal(IPAddress.Parse(address)));

    [Theory]
    [InlineData("93.184.215.14")]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("172.15.255.255")]
    [InlineData("100.128.0.1")]
    [InlineData("192.169.0.1")]
    [InlineData("2606:2800:21f:cb07:6820:80da:af6b:8b2c")]
    [InlineData("::ffff:8.8.8.8")]
    public void Refusal_OfAPublicAddress_IsNull(string address) =>
        Assert.Null(PrivateNetworks.Refusal(IPAddress.Parse(address)));

    [Fact]
    public void DelayAfter_DoublesFromTheBaseDelay_UpToTheCap()
    {
        var options = new OutgoingWebhookOptions { RetryBaseDelay = TimeSpan.FromSeconds(10), MaxRetryDelay = TimeSpan.FromMinutes(30) };

        Assert.Equal([10, 20, 40, 80, 160, 320, 640, 1280, 1800, 1800],
            Enumerable.Range(1, 10).Select(attempts => options.DelayAfter(attempts).TotalSeconds));
    }

    [Fact]
    public void Attempted_WhenRefusedOrOutOfAttempts_FailsAndOtherwiseWaitsTheBackoff()
    {
        var options = new OutgoingWebhookOptions { MaxAttempts = 3 };
        var now = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        var flaky = new OutgoingDelivery(Guid.NewGuid(), Guid.NewGuid(), "{}", now);
        var refused = new OutgoingDelivery(Guid.NewGuid(), Guid.NewGuid(), "{}", now);
        var delivered = new OutgoingDelivery(Guid.NewGuid(), Guid.NewGuid(), "{}", now);

        flaky.Attempted(new DeliveryOutcome(false, 500, "HTTP 500"), now, options);
        var afterOne = (flaky.Status, flaky.NextAttemptAt - now);
        flaky.Attempted(new DeliveryOutcome(false, null, "timed out"), now, options);
        flaky.Attempted(new DeliveryOutcome(false, 502, "HTTP 502"), now, options);
        refused.Attempted(new DeliveryOutcome(false, null, "refused", Final: true), now, options);
        delivered.Attempted(new DeliveryOutcome(true, 204, null), now, options);

        Assert.Equal((DeliveryStatus.Pending, TimeSpan.FromSeconds(10)), afterOne);
        Assert.Equal((DeliveryStatus.Failed, 3, "HTTP 502"), (flaky.Status, flaky.Attempts, flaky.LastError));
        Assert.Equal((DeliveryStatus.Failed, 1), (refused.Status, refused.Attempts));
        Assert.Equal((DeliveryStatus.Delivered, now), (delivered.Status, delivered.DeliveredAt));
    }
}
