using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Scheduler.Testing;

namespace Scheduler.Bench.Infra;

/// <summary>The Server in its own process (<c>Scheduler.Bench serve</c>) on a free loopback port, configured through
/// environment variables; stopped by PID (SIGTERM, then SIGKILL after a grace period).</summary>
internal sealed class ChildServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly Process process;
    private readonly Queue<string> output = new();
    private int disposed;

    private ChildServer(Process process, Uri baseAddress)
    {
        this.process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }
    public int Pid => process.Id;

    public static Task<ChildServer> StartAsync(IReadOnlyDictionary<string, string?> settings) => StartAsync(settings, "serve", "api/health");

    /// <summary>Starts <c>Scheduler.Bench {mode}</c> and waits until <paramref name="readyPath"/> answers 2xx.</summary>
    public static async Task<ChildServer> StartAsync(IReadOnlyDictionary<string, string?> settings, string mode, string readyPath)
    {
        var port = FreePort.Next();
        var host = Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
        var info = new ProcessStartInfo(host)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Scheduler.Bench.dll"));
        info.ArgumentList.Add(mode);
        foreach (var (key, value) in settings)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        info.Environment["ASPNETCORE_URLS"] = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}");
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the Server process.");
        var child = new ChildServer(process, new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/")));
        Children.Track(child);
        process.OutputDataReceived += (_, e) => child.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => child.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await child.WaitReadyAsync(readyPath);
        Report.Line($"{mode} process {process.Id} listening on {child.BaseAddress}");
        return child;
    }

    public string Output
    {
        get
        {
            lock (output)
            {
                return string.Join(Environment.NewLine, output);
            }
        }
    }

    public long RssBytes() => ProcStatus.RssBytes(process.Id);

    public async Task<MemorySample> MemoryAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        return await http.GetFromJsonAsync<MemorySample>("bench/memory") ?? throw new InvalidOperationException("No memory sample.");
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        Children.Untrack(this);
        try
        {
            if (!process.HasExited)
            {
                using (var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false }))
                {
                    if (kill is not null)
                    {
                        await kill.WaitForExitAsync();
                    }
                }

                using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(15));
                try
                {
                    await process.WaitForExitAsync(grace.Token);
                }
                catch (OperationCanceledException)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync();
                }
            }
        }
        finally
        {
            process.Dispose();
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Enqueue(line);
            while (output.Count > 40)
            {
                output.Dequeue();
            }
        }
    }

    private async Task WaitReadyAsync(string readyPath)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The Server process exited ({process.ExitCode}):{Environment.NewLine}{Output}");
            }

            try
            {
                using var response = await http.GetAsync(readyPath);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            if (clock.Elapsed > StartTimeout)
            {
                throw new InvalidOperationException($"The child did not answer /{readyPath} within {StartTimeout}:{Environment.NewLine}{Output}");
            }

            await Task.Delay(250);
        }
    }
}
