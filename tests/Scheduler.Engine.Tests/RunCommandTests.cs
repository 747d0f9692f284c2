using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Scheduler.Engine.Tests.Support;
using Scheduler.Testing;

namespace Scheduler.Engine.Tests;

/// <summary>The README's run command, as a new user runs it: start it, wait for health, create a job over HTTP, see it
/// succeed, press Ctrl+C, and find everything stopped.</summary>
[Collection("run-command")]
public sealed partial class RunCommandTests : IAsyncLifetime, IDisposable
{
    private readonly ScriptedSink sink = new();
    private readonly string data = Directory.CreateTempSubdirectory("scheduler-run-").FullName;

    [GeneratedRegex(@"API key \(generated, stored in [^)]*\): (?<key>\S+)")]
    private static partial Regex KeyLine();

    public Task InitializeAsync() => sink.StartAsync();

    public void Dispose() => sink.DisposeAsync().AsTask().GetAwaiter().GetResult();

    public async Task DisposeAsync()
    {
        await sink.DisposeAsync();
        Directory.Delete(data, recursive: true);
    }

    [Fact]
    public async Task RunScript_ServesTheApi_RunsAJob_AndStopsCleanlyOnCtrlC()
    {
        var ports = FreePort.Distinct(4);
        var (port, blob, queue, table) = (ports[0], ports[1], ports[2], ports[3]);
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var script = StartScript(port, blob, queue, table, output);
        try
        {
            var key = await WaitForAsync(() => output.Select(l => KeyLine().Match(l)).FirstOrDefault(m => m.Success)?.Groups["key"].Value, TimeSpan.FromMinutes(4), output);
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            // The Server listens (and prints its key) before storage is reached; health turns 200 when it is.
            await Eventually.GetAsync(async () => (await http.GetAsync(new Uri("api/health", UriKind.Relative))).IsSuccessStatusCode, ok => ok, TimeSpan.FromMinutes(1), TimeSpan.FromMilliseconds(200));
            http.DefaultRequestHeaders.Add("X-Api-Key", key);

            var created = await http.PostAsJsonAsync("api/jobs", new
            {
                id = "readme-job",
                target = new { type = "http", url = sink.Url("ok/readme-job") },
                schedule = new { kind = "Once", delay = "00:00:02" },
            });
            Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
            var status = await WaitForAsync(async () =>
            {
                using var runs = JsonDocument.Parse(await http.GetStringAsync(new Uri("api/jobs/readme-job/runs", UriKind.Relative)));
                return runs.RootElement.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("status").GetString()).FirstOrDefault(s => s is "Succeeded" or "Failed");
            }, TimeSpan.FromSeconds(60), output);

            Assert.Equal("Succeeded", status);
            Assert.Single(sink.For("ok/readme-job"));
        }
        finally
        {
            // Ctrl+C: the script's trap stops the Server gracefully, then Azurite. A failure above keeps its own message.
            Process.Start("kill", ["-INT", script.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
            using var exitWait = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            await script.WaitForExitAsync(exitWait.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
        }

        Assert.True(script.HasExited, "scripts/run.sh did not stop within 90 s of Ctrl+C; it printed:\n" + string.Join('\n', output.TakeLast(40)));
        Assert.Contains(output, l => l.Contains("Scheduler stopped.", StringComparison.Ordinal));
        Assert.False(IsListening(port), "the Server still listens after Ctrl+C");
        Assert.False(IsListening(table), "Azurite still listens after Ctrl+C");
    }

    private Process StartScript(int port, int blob, int queue, int table, System.Collections.Concurrent.ConcurrentQueue<string> output)
    {
        var info = new ProcessStartInfo("bash", [Path.Combine(RepoRoot.Find(), "scripts", "run.sh")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        info.Environment["SCHEDULER_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["AZURITE_BLOB_PORT"] = blob.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["AZURITE_QUEUE_PORT"] = queue.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["AZURITE_TABLE_PORT"] = table.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["SCHEDULER_DATA"] = data;
        // The sink listens on loopback; a user's webhook would not need this.
        info.Environment["Scheduler__Targets__Http__AllowLoopback"] = "true";
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { output.Enqueue(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { output.Enqueue(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe, TimeSpan within, IEnumerable<string> output)
    {
        var deadline = DateTimeOffset.UtcNow + within;
        while (DateTimeOffset.UtcNow < deadline)
        {
            try
            {
                if (await probe() is { } value)
                {
                    return value;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(250);
        }

        throw new TimeoutException("Timed out; the script printed:\n" + string.Join('\n', output.TakeLast(40)));
    }

    private static Task<T> WaitForAsync<T>(Func<T?> probe, TimeSpan within, IEnumerable<string> output) =>
        WaitForAsync(() => Task.FromResult(probe()), within, output);

    private static bool IsListening(int port)
    {
        try
        {
            using var client = new System.Net.Sockets.TcpClient();
            client.Connect(System.Net.IPAddress.Loopback, port);
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }
}
