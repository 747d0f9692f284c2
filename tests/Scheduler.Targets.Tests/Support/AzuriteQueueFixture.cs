using System.Diagnostics;
using System.Net.Sockets;

namespace Scheduler.Targets.Tests.Support;

/// <summary>A real Azurite queue service on a free loopback port, in memory, from the repository's node_modules (npm ci).</summary>
public sealed class AzuriteQueueFixture : IAsyncLifetime
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private Process? azurite;

    public int Port { get; private set; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};QueueEndpoint=http://127.0.0.1:{Port}/devstoreaccount1;";

    public async Task InitializeAsync()
    {
        var script = Path.Combine(RepoRoot(), "node_modules", ".bin", "azurite-queue");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"{script} is missing: run 'npm ci' at the repository root.");
        }

        Port = FreePort.Next();
        azurite = Process.Start(new ProcessStartInfo(script,
            ["--queueHost", "127.0.0.1", "--queuePort", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
             "--inMemoryPersistence", "--silent", "--skipApiVersionCheck", "--disableTelemetry"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        azurite.OutputDataReceived += (_, _) => { };
        azurite.ErrorDataReceived += (_, _) => { };
        azurite.BeginOutputReadLine();
        azurite.BeginErrorReadLine();

        var until = DateTimeOffset.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", Port);
                return;
            }
            catch (SocketException) when (DateTimeOffset.UtcNow < until && !azurite.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    public async Task DisposeAsync()
    {
        if (azurite is { HasExited: false })
        {
            azurite.Kill(entireProcessTree: true);
            await azurite.WaitForExitAsync();
        }

        azurite?.Dispose();
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Scheduler.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Scheduler.sln not found above the test binaries.");
    }
}
