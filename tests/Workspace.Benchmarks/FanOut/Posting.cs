using System.Net.Http.Headers;
using System.Diagnostics;
using System.Net.Http.Json;

namespace Workspace.Benchmarks.FanOut;

/// <summary>The sender: posts messages at a steady rate, noting each acknowledgement.</summary>
public static class Posting
{
    public const double MessagesPerSecond = 10;

    /// <summary>Posts through the Workspace API as an integration would; the acknowledgement is its 201.</summary>
    public static Func<int, CancellationToken, Task> ThroughApi(HttpClient http, string token, string channel, Func<int, string> text) =>
        async (message, cancel) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"api/v1/channels/{channel}/messages")
            {
                Content = JsonContent.Create(new { text = text(message), clientMessageId = Guid.NewGuid() }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request, cancel);
            response.EnsureSuccessStatusCode();
        };

    /// <summary>Posts every message of <paramref name="book"/>; returns the rate achieved.</summary>
    public static async Task<double> RunAsync(ReceiptBook book, Func<int, CancellationToken, Task> post, CancellationToken cancel)
    {
        var started = Stopwatch.StartNew();
        await PaceAsync(0, next => next < book.Messages, post, book.Acknowledged, cancel);
        // Below the target when acknowledgements took longer than the interval.
        return book.Messages > 1 ? (book.Messages - 1) / started.Elapsed.TotalSeconds : MessagesPerSecond;
    }

    /// <summary>Posts untimed messages from <paramref name="first"/> on for <paramref name="duration"/>; returns the next number.</summary>
    public static Task<int> ForAsync(int first, TimeSpan duration, Func<int, CancellationToken, Task> post, CancellationToken cancel)
    {
        var started = Stopwatch.StartNew();
        return PaceAsync(first, _ => started.Elapsed < duration, post, _ => { }, cancel);
    }

    private static async Task<int> PaceAsync(int first, Func<int, bool> goOn, Func<int, CancellationToken, Task> post, Action<int> acknowledged,
        CancellationToken cancel)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1 / MessagesPerSecond));
        for (var message = first; ; await timer.WaitForNextTickAsync(cancel))
        {
            await post(message, cancel);
            acknowledged(message);
            if (!goOn(++message))
                return message;
        }
    }
}
