using System.Diagnostics;

namespace Scheduler.Testing;

/// <summary>Waits until HTTP endpoints answer (any status counts: the server is listening and serving).</summary>
internal static class Readiness
{
    public static async Task WaitAsync(ChildProcess process, IReadOnlyList<Uri> endpoints, TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        var pending = new List<Uri>(endpoints);
        while (pending.Count > 0)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited at start:{Environment.NewLine}{process.Output}");
            }

            if (clock.Elapsed > timeout)
            {
                throw new InvalidOperationException($"Azurite did not answer on {string.Join(", ", pending)} within {timeout}:{Environment.NewLine}{process.Output}");
            }

            foreach (var endpoint in pending.ToArray())
            {
                try
                {
                    using var response = await http.GetAsync(endpoint).ConfigureAwait(false);
                    pending.Remove(endpoint);
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
                catch (TaskCanceledException)
                {
                    // Not answering yet.
                }
            }

            if (pending.Count > 0)
            {
                await Task.Delay(100).ConfigureAwait(false);
            }
        }
    }
}
