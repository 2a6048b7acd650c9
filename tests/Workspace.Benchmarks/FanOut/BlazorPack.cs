using System.Buffers;
using MessagePack;

namespace Workspace.Benchmarks.FanOut;

/// <summary>
/// The circuit's wire format: SignalR's MessagePack hub protocol, named "blazorpack". Each message is a MessagePack
/// array prefixed with its length as a variable-length integer (7 bits a byte, low groups first); an invocation is
/// <c>[1, headers, invocationId, target, arguments, streamIds]</c>, a completion <c>[3, headers, invocationId,
/// resultKind, result?]</c>, a ping <c>[6]</c>, a close <c>[7, error, allowReconnect]</c>.
/// </summary>
public static class BlazorPack
{
    public const string Handshake = "{\"protocol\":\"blazorpack\",\"version\":1}\u001e";

    public const int Invocation = 1;
    public const int Completion = 3;
    public const int Ping = 6;
    public const int Close = 7;

    public sealed record Message(int Type, string? InvocationId, string? Target, object?[] Arguments);

    public static byte[] Invoke(string? invocationId, string target, params object?[] arguments)
    {
        var body = new ArrayBufferWriter<byte>();
        var writer = new MessagePackWriter(body);
        writer.WriteArrayHeader(6);
        writer.Write(Invocation);
        writer.WriteMapHeader(0);
        if (invocationId is null)
            writer.WriteNil();
        else
            writer.Write(invocationId);
        writer.Write(target);
        writer.WriteArrayHeader(arguments.Length);
        foreach (var argument in arguments)
            switch (argument)
            {
                case null: writer.WriteNil(); break;
                case string text: writer.Write(text); break;
                case long number: writer.Write(number); break;
                case int number: writer.Write(number); break;
                case bool flag: writer.Write(flag); break;
                default: throw new ArgumentException($"No encoding for {argument.GetType()}.");
            }
        writer.WriteArrayHeader(0);
        writer.Flush();
        return Framed(body.WrittenSpan);
    }

    public static byte[] PingMessage()
    {
        var body = new ArrayBufferWriter<byte>();
        var writer = new MessagePackWriter(body);
        writer.WriteArrayHeader(1);
        writer.Write(Ping);
        writer.Flush();
        return Framed(body.WrittenSpan);
    }

    /// <summary>Reads the whole messages at the start of <paramref name="buffer"/>; returns how many bytes they took.</summary>
    public static int Read(ReadOnlyMemory<byte> buffer, List<Message> messages)
    {
        var consumed = 0;
        while (TryReadLength(buffer.Span[consumed..], out var length, out var prefix) && consumed + prefix + length <= buffer.Length)
        {
            messages.Add(Parse(buffer.Slice(consumed + prefix, length)));
            consumed += prefix + length;
        }
        return consumed;
    }

    private static Message Parse(ReadOnlyMemory<byte> body)
    {
        var reader = new MessagePackReader(body);
        var count = reader.ReadArrayHeader();
        var type = reader.ReadInt32();
        switch (type)
        {
            case Invocation:
            {
                reader.Skip();
                var invocationId = reader.TryReadNil() ? null : reader.ReadString();
                var target = reader.ReadString();
                var arguments = (object?[])Value(ref reader)!;
                return new Message(type, invocationId, target, arguments);
            }
            case Completion:
            {
                reader.Skip();
                var invocationId = reader.ReadString();
                var kind = reader.ReadInt32();
                // 1 = error (a message), 2 = void, 3 = a result.
                object? result = count > 4 ? Value(ref reader) : null;
                return new Message(type, invocationId, null, [(long)kind, result]);
            }
            case Close:
                return new Message(type, null, null, [count > 1 ? Value(ref reader) : null]);
            default:
                return new Message(type, null, null, []);
        }
    }

    private static object? Value(ref MessagePackReader reader)
    {
        switch (reader.NextMessagePackType)
        {
            case MessagePackType.Nil:
                reader.ReadNil();
                return null;
            case MessagePackType.Boolean:
                return reader.ReadBoolean();
            case MessagePackType.Integer:
                return reader.ReadInt64();
            case MessagePackType.Float:
                return reader.ReadDouble();
            case MessagePackType.String:
                return reader.ReadString();
            case MessagePackType.Binary:
                return reader.ReadBytes()?.ToArray();
            case MessagePackType.Array:
            {
                var items = new object?[reader.ReadArrayHeader()];
                for (var i = 0; i < items.Length; i++)
                    items[i] = Value(ref reader);
                return items;
            }
            default:
                reader.Skip();
                return null;
        }
    }

    private static bool TryReadLength(ReadOnlySpan<byte> span, out int length, out int prefix)
    {
        length = 0;
        for (prefix = 0; prefix < Math.Min(5, span.Length); prefix++)
        {
            length |= (span[prefix] & 0x7f) << (7 * prefix);
            if ((span[prefix] & 0x80) == 0)
            {
                prefix++;
                return true;
            }
        }
        return false;
    }

    private static byte[] Framed(ReadOnlySpan<byte> body)
    {
        var prefix = new List<byte>(5);
        var length = body.Length;
        do
        {
            var group = (byte)(length & 0x7f);
            length >>= 7;
            prefix.Add(length > 0 ? (byte)(group | 0x80) : group);
        }
        while (length > 0);
        return [.. prefix, .. body];
    }
}
