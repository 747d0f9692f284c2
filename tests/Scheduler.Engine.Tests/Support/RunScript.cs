using System.Diagnostics;
using System.Globalization;
using System.Text;
using Scheduler.Testing;

namespace Scheduler.Engine.Tests.Support;

/// <summary><c>scripts/run.sh</c> as a user starts it, on free ports, with its data in a given folder. Disposing sends SIGTERM,
/// which the script's trap handles as it handles Ctrl+C (Server, then Azurite), and kills what lingers after 20 s.</summary>
public sealed class RunScript : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private RunScript(Process process, Uri baseUrl)
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

    public static RunScript Start(string dataDir)
    {
        var ports = FreePort.Distinct(4);
        var info = new ProcessStartInfo("bash", [Path.Combine(RepoRoot.Find(), "scripts", "run.sh")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        info.Environment["SCHEDULER_PORT"] = ports[0].ToString(CultureInfo.InvariantCulture);
        info.Environment["AZURITE_BLOB_PORT"] = ports[1].ToString(CultureInfo.InvariantCulture);
        info.Environment["AZURITE_QUEUE_PORT"] = ports[2].ToString(CultureInfo.InvariantCulture);
        info.Environment["AZURITE_TABLE_PORT"] = ports[3].ToString(CultureInfo.InvariantCulture);
        info.Environment["SCHEDULER_DATA"] = dataDir;
        info.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start scripts/run.sh.");
        var script = new RunScript(process, new Uri($"http://127.0.0.1:{ports[0].ToString(CultureInfo.InvariantCulture)}/"));
        process.OutputDataReceived += (_, e) => script.Append(e.Data);
        process.ErrorDataReceived += (_, e) => script.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return script;
    }

    /// <summary>Waits until the output holds <paramref name="text"/>; fails with the output when the script exits or time runs out.</summary>
    public async Task WaitForAsync(string text, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited || clock.Elapsed > timeout)
            {
                throw new TimeoutException($"run.sh did not print '{text}' within {timeout} (exited: {_process.HasExited}):{Environment.NewLine}{Output}");
            }

            await Task.Delay(100).ConfigureAwait(false);
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

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                using (var interrupt = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false }))
                {
                    await interrupt!.WaitForExitAsync().ConfigureAwait(false);
                }

                using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(20));
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
