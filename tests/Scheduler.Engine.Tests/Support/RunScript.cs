using System.Diagnostics;
using System.Globalization;
using Scheduler.Testing;

namespace Scheduler.Engine.Tests.Support;

/// <summary><c>scripts/run.sh</c> as a user starts it, on free ports, with its data in a given folder. Disposing sends SIGTERM,
/// which the script's trap handles as it handles Ctrl+C (Server, then Azurite), and kills what lingers after 20 s.</summary>
public sealed class RunScript(ChildProcess script, Uri baseUrl) : IAsyncDisposable
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(20);

    public Uri BaseUrl => baseUrl;

    public string Output => script.Output;

    public static RunScript Start(string dataDir)
    {
        var ports = FreePort.Distinct(4);
        var info = new ProcessStartInfo("bash", [Path.Combine(RepoRoot.Find(), "scripts", "run.sh")]) { WorkingDirectory = Path.GetTempPath() };
        info.Environment["SCHEDULER_PORT"] = ports[0].ToString(CultureInfo.InvariantCulture);
        info.Environment["AZURITE_BLOB_PORT"] = ports[1].ToString(CultureInfo.InvariantCulture);
        info.Environment["AZURITE_QUEUE_PORT"] = ports[2].ToString(CultureInfo.InvariantCulture);
        info.Environment["AZURITE_TABLE_PORT"] = ports[3].ToString(CultureInfo.InvariantCulture);
        info.Environment["SCHEDULER_DATA"] = dataDir;
        info.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        return new RunScript(ChildProcess.Start(info, Grace), new Uri($"http://127.0.0.1:{ports[0].ToString(CultureInfo.InvariantCulture)}/"));
    }

    /// <summary>Waits until the output holds <paramref name="text"/>; fails with the output when the script exits or time runs out.</summary>
    public Task WaitForAsync(string text, TimeSpan timeout) => script.WaitForOutputAsync(text, timeout);

    public ValueTask DisposeAsync() => script.DisposeAsync();
}
