using System.Net;
using System.Net.Http;
using System.Net.Sockets;

namespace Workspace.Domain.Integrations;

/// <summary>
/// Keeps outgoing webhooks away from the server's own network (its admin ports, cloud metadata at 169.254.169.254,
/// the database) unless an admin allows it. Checked on the addresses a connection is actually made to, after DNS, so
/// a name that resolves to a public address when saved and to 127.0.0.1 when called is refused all the same.
/// </summary>
public static class PrivateNetworks
{
    public const string HowToAllow = "an admin can allow private network addresses on the Integrations page";

    /// <summary>Why the address is not a public one ("a loopback address"), or null for a public address.</summary>
    public static string? Refusal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        return address.AddressFamily == AddressFamily.InterNetwork ? RefusalV4(address.GetAddressBytes()) : RefusalV6(address);
    }

    /// <summary>
    /// The <see cref="SocketsHttpHandler.ConnectCallback"/> of outgoing webhooks: connects only to addresses
    /// <see cref="Refusal"/> lets through, or to any with <paramref name="allowPrivate"/>.
    /// </summary>
    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, bool allowPrivate,
        CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host.Trim('[', ']');
        var addresses = IPAddress.TryParse(host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var usable = allowPrivate ? addresses : addresses.Where(a => Refusal(a) is null).ToArray();
        if (usable.Length == 0)
            throw addresses.Length == 0
                ? new RefusedAddressException($"{host} has no address")
                : new RefusedAddressException($"refused: {addresses[0]} is {Refusal(addresses[0])}; {HowToAllow}");

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(usable, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static string? RefusalV4(byte[] b) => b switch
    {
        [0, ..] => "an unspecified address",
        [127, ..] => "a loopback address",
        [10, ..] or [172, >= 16 and <= 31, ..] or [192, 168, ..] => "a private address",
        [100, >= 64 and <= 127, ..] => "a shared (carrier-grade NAT) address",
        [169, 254, ..] => "a link-local address",
        [>= 224 and <= 239, ..] => "a multicast address",
        [>= 240, ..] => "a reserved or broadcast address",
        _ => null,
    };

    private static string? RefusalV6(IPAddress address)
    {
        var b = address.GetAddressBytes();
        if (address.Equals(IPAddress.IPv6Any))
            return "an unspecified address";
        if (address.Equals(IPAddress.IPv6Loopback))
            return "a loopback address";
        if (address.IsIPv6Multicast)
            return "a multicast address";
        if (address.IsIPv6LinkLocal)
            return "a link-local address";
        if ((b[0] & 0xFE) == 0xFC || address.IsIPv6SiteLocal)
            return "a private address";
        // NAT64 (64:ff9b::/96) reaches the IPv4 address in its last four bytes.
        if (b is [0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0, ..])
            return RefusalV4(b[12..]);
        return null;
    }
}

/// <summary>An outgoing webhook's target is on a network it may not reach; retrying cannot help.</summary>
public sealed class RefusedAddressException(string message) : IOException(message);
