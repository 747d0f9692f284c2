using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Scheduler.Storage;

namespace Scheduler.Testing;

/// <summary>The built Server (<c>dotnet Scheduler.Server.dll</c>) as a real process on a free loopback port, configured by
/// <see cref="ServerSettings"/> through environment variables, for what only a process has: its own web server for a browser
/// or the CLI, kill -9, SIGTERM, a start before storage. Disposing kills it; its output is kept for assertions.</summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(1);
    private readonly ChildProcess _process;

    private ServerProcess(ChildProcess process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }
    public int Pid => _process.Id;
    public bool HasExited => _process.HasExited;
    public IReadOnlyList<string> Lines => _process.Lines;
    public string Output => _process.Output;

    /// <summary>The Server's dll, as this project recorded it at build time (<c>AssemblyMetadata("ServerPath")</c>).</summary>
    public static string ServerDll
    {
        get
        {
            var path = typeof(ServerProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ServerPath").Value!;
            return File.Exists(path) ? Path.GetFullPath(path) : throw new InvalidOperationException($"The Server is not built: {path} is missing.");
        }
    }

    /// <summary>Starts the Server and waits until it listens (not until storage is ready: see <see cref="WaitHealthyAsync"/>).</summary>
    public static async Task<ServerProcess> StartAsync(StorageOptions storage, IReadOnlyDictionary<string, string?>? settings = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            var server = Start(FreePort.Next(), Settings(storage, settings));
            try
            {
                await server._process.WaitForOutputAsync("Now listening on", StartTimeout).ConfigureAwait(false);
                return server;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                // Most likely the port was taken between choosing and binding it: try another.
                await server.DisposeAsync().ConfigureAwait(false);
            }
            catch
            {
                await server.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
    }

    private static Dictionary<string, string?> Settings(StorageOptions storage, IReadOnlyDictionary<string, string?>? overrides)
    {
        var settings = ServerSettings.For(storage);
        // "Now listening on" is how a start is seen; the Server's own lines are what fault tests read.
        settings["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information";
        settings["Logging:LogLevel:Scheduler"] = "Information";
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    private static ServerProcess Start(int port, Dictionary<string, string?> settings)
    {
        var address = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/"));
        return new ServerProcess(ChildProcess.Start(StartInfo(address, settings), grace: TimeSpan.Zero), address);
    }

    /// <summary>How a Server process over <paramref name="storage"/> is started, for a test that runs it to its end itself
    /// (one that is meant to exit) rather than through <see cref="StartAsync"/>.</summary>
    public static ProcessStartInfo StartInfo(StorageOptions storage) =>
        StartInfo(new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{FreePort.Next()}/")), Settings(storage, null));

    private static ProcessStartInfo StartInfo(Uri address, Dictionary<string, string?> settings)
    {
        var dll = ServerDll;
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(dll)! };
        info.ArgumentList.Add(dll);
        info.Environment["ASPNETCORE_URLS"] = address.GetLeftPart(UriPartial.Authority);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in settings)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return info;
    }

    /// <summary>A client of this Server, sending the API key unless told not to.</summary>
    public HttpClient Client(bool withKey = true, TimeSpan? timeout = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(30) };
        if (withKey)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", ServerSettings.ApiKey);
        }

        return client;
    }

    /// <summary>Waits until <c>/api/health</c> answers 200 (storage reached and initialized).</summary>
    public async Task WaitHealthyAsync(TimeSpan timeout)
    {
        using var client = Client(withKey: false, TimeSpan.FromSeconds(5));
        await Eventually.GetAsync(async () =>
        {
            try
            {
                using var health = await client.GetAsync(new Uri("api/health", UriKind.Relative)).ConfigureAwait(false);
                return health.IsSuccessStatusCode;
            }
            catch (TaskCanceledException)
            {
                // A probe slower than 5 s (a starting process on a loaded machine) is not an answer yet.
                return false;
            }
            catch (HttpRequestException)
            {
                // Not listening (yet, or any more).
                return false;
            }
        }, ok => ok, timeout, TimeSpan.FromMilliseconds(200), $"a healthy Server on {BaseAddress}").ConfigureAwait(false);
    }

    public Task SignalAsync(string signal) => _process.SignalAsync(signal);

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
