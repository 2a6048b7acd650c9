using System.Net.Http.Headers;
using System.Diagnostics;
using System.Net.Http.Json;

namespace Workspace.Benchmarks.FanOut;

/// <summary>The sender: posts <see cref="ReceiptBook.Messages"/> messages at a steady rate, noting each acknowledgement.</summary>
public static class Posting
{
    public const double MessagesPerSecond = 10;

    /// <summary>Posts through the Workspace API as an integration would; the acknowledgement is its 201.</summary>
    public static Func<int, CancellationToken, Task> ThroughApi(HttpClient http, string token, string channel, ReceiptBook book) =>
        async (message, cancel) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"api/v1/channels/{channel}/messages")
            {
                Content = JsonContent.Create(new { text = book.Text(message), clientMessageId = Guid.NewGuid() }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request, cancel);
            response.EnsureSuccessStatusCode();
        };

    public static async Task<double> RunAsync(ReceiptBook book, Func<int, CancellationToken, Task> post, CancellationToken cancel)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1 / MessagesPerSecond));
        var started = Stopwatch.StartNew();
        for (var message = 0; message < book.Messages; message++)
        {
            await post(message, cancel);
            book.Acknowledged(message);
            if (message + 1 < book.Messages)
                await timer.WaitForNextTickAsync(cancel);
        }
        // The rate achieved: below the target when acknowledgements took longer than the interval.
        return book.Messages > 1 ? (book.Messages - 1) / started.Elapsed.TotalSeconds : MessagesPerSecond;
    }
}
