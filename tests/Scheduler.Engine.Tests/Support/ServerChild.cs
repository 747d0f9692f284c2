using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Scheduler.Testing;

namespace Scheduler.Engine.Tests.Support;

/// <summary>The built Server (<c>dotnet Scheduler.Server.dll</c>) as a real process on a free loopback port, for faults
/// that only a process can have: kill -9, SIGTERM, a start before storage. Output is kept for assertions.</summary>
public sealed class ServerChild : IAsyncDisposable
{
    public const string ApiKey = "fault-tests-key-1234";
    private readonly Process process;
    private readonly List<string> lines = [];

    private ServerChild(Process process, Uri baseAddress)
    {
        this.process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }
    public int Pid => process.Id;
    public bool HasExited => process.HasExited;

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (lines)
            {
                return lines.ToList();
            }
        }
    }

    /// <summary>Starts the Server and waits until it listens (not until storage is ready: see <see cref="WaitHealthyAsync"/>).</summary>
    public static async Task<ServerChild> StartAsync(string connectionString, string tablePrefix, string queue, IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = FreePort.Next();
        var dll = typeof(ServerChild).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ServerPath").Value!;
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(dll)! };
        info.ArgumentList.Add(dll);
        var values = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"),
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Scheduler:Storage:ConnectionString"] = connectionString,
            ["Scheduler:Storage:TablePrefix"] = tablePrefix,
            ["Scheduler:Storage:RunsQueue"] = queue,
            ["Scheduler:Api:Keys:0"] = ApiKey,
            ["Scheduler:Targets:Http:AllowLoopback"] = "true",
            ["Scheduler:Sweep:Tick"] = "00:00:01",
            ["Scheduler:Sweep:Lookahead"] = "00:00:02",
            ["Scheduler:Worker:IdlePollInterval"] = "00:00:00.200",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Scheduler"] = "Information",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            values[key] = value;
        }

        foreach (var (key, value) in values)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var child = new ServerChild(Process.Start(info)!, new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/")));
        child.process.OutputDataReceived += (_, e) => child.Keep(e.Data);
        child.process.ErrorDataReceived += (_, e) => child.Keep(e.Data);
        child.process.BeginOutputReadLine();
        child.process.BeginErrorReadLine();
        await Eventually.GetAsync(() => Task.FromResult(child.HasExited || child.Lines.Any(l => l.Contains("Now listening on", StringComparison.Ordinal))), done => done, TimeSpan.FromMinutes(1));
        return child.HasExited ? throw new InvalidOperationException("The Server exited at start:\n" + string.Join('\n', child.Lines)) : child;
    }

    public HttpClient Client(bool withKey = true, TimeSpan? timeout = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(30) };
        if (withKey)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        }

        return client;
    }

    public async Task WaitHealthyAsync(TimeSpan timeout)
    {
        using var client = Client(withKey: false, TimeSpan.FromSeconds(5));
        await Eventually.GetAsync(async () =>
        {
            try
            {
                return (await client.GetAsync(new Uri("api/health", UriKind.Relative))).IsSuccessStatusCode;
            }
            catch (TaskCanceledException)
            {
                // A probe slower than 5 s (a starting process on a loaded machine) is not an answer yet.
                return false;
            }
        }, ok => ok, timeout, TimeSpan.FromMilliseconds(200));
    }

    public Task SignalAsync(string signal) => Signals.SendAsync(process.Id, signal);

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            lock (lines)
            {
                lines.Add(line);
            }
        }
    }
}
