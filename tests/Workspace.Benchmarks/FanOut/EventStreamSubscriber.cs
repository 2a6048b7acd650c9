using System.Net.Http.Headers;

namespace Workspace.Benchmarks.FanOut;

/// <summary>An integration following <c>GET /api/v1/events</c> with its own token, as a bot or a desktop notifier does.</summary>
public static class EventStreamSubscriber
{
    /// <summary>Reads the stream until <paramref name="cancel"/>; <paramref name="ready"/> completes once the stream is open.</summary>
    public static async Task FollowAsync(HttpClient http, string token, int subscriber, ReceiptBook book, TaskCompletionSource ready,
        CancellationToken cancel)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/events");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel);
            response.EnsureSuccessStatusCode();
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancel));
            while (await reader.ReadLineAsync(cancel) is { } line)
            {
                // The stream's first line (retry:) is written once the server has read the caller's position.
                ready.TrySetResult();
                if (line.StartsWith("data:", StringComparison.Ordinal))
                    book.Scan(subscriber, line);
            }
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            ready.TrySetException(e);
        }
    }
}
