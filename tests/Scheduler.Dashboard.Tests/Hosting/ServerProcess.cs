using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace Scheduler.EndToEnd;

/// <summary>The built Server (<c>dotnet Scheduler.Server.dll</c>) as a real process on a free loopback port, configured through
/// environment variables; stopped by its PID (SIGTERM, then kill after a grace period).</summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(5);
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServerProcess(Process process, Uri baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The Server's dll, as the test project recorded it at build time (<c>AssemblyMetadata("ServerPath")</c>).</summary>
    public static string ServerDll(Assembly testAssembly)
    {
        var path = testAssembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "ServerPath")?.Value
            ?? throw new InvalidOperationException("The test assembly has no ServerPath metadata.");
        return File.Exists(path) ? Path.GetFullPath(path) : throw new InvalidOperationException($"The Server is not built: {path} is missing.");
    }

    public static async Task<ServerProcess> StartAsync(string serverDll, IReadOnlyDictionary<string, string> settings)
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = Scheduler.Testing.FreePort.Next();
            var baseUrl = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
            var info = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = Path.GetDirectoryName(serverDll)!,
            };
            info.ArgumentList.Add(serverDll);
            info.Environment["ASPNETCORE_URLS"] = baseUrl.GetLeftPart(UriPartial.Authority);
            info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            info.Environment["DOTNET_NOLOGO"] = "1";
            foreach (var (key, value) in settings)
            {
                info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
            }

            var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start dotnet.");
            var server = new ServerProcess(process, baseUrl);
            process.OutputDataReceived += (_, e) => server.Append(e.Data);
            process.ErrorDataReceived += (_, e) => server.Append(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (await server.WaitReadyAsync().ConfigureAwait(false))
            {
                return server;
            }

            var output = server.Output;
            await server.DisposeAsync().ConfigureAwait(false);
            if (attempt >= 3)
            {
                throw new InvalidOperationException($"The Server did not become healthy on {baseUrl}:{Environment.NewLine}{output}");
            }
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private async Task<bool> WaitReadyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout && !_process.HasExited)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(BaseUrl, "api/health")).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Not answering yet.
            }

            await Task.Delay(200).ConfigureAwait(false);
        }

        return false;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                using (var term = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false }))
                {
                    if (term is not null)
                    {
                        await term.WaitForExitAsync().ConfigureAwait(false);
                    }
                }

                using var grace = new CancellationTokenSource(Grace);
                try
                {
                    await _process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    _process.Kill(entireProcessTree: true);
                    await _process.WaitForExitAsync().ConfigureAwait(false);
                }
            }
        }
        finally
        {
            _process.Dispose();
        }
    }
}
