using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Scheduler.Bench.Infra;
using Scheduler.Testing;

namespace Scheduler.Bench.Peers;

/// <summary>A throwaway PostgreSQL cluster (Debian's package, installed by scripts/bench.sh) on a free loopback port: initdb into
/// a temporary folder, pg_ctl start, dropped at the end. Run as the <c>postgres</c> user when the bench runs as root.
/// Like the in-memory Azurite on the Scheduler side, it keeps nothing on disk it must wait for: fsync and synchronous commit off.</summary>
internal sealed class PostgresCluster : IAsyncDisposable
{
    private readonly string bin;
    private readonly string dataDir;
    private int disposed;

    private PostgresCluster(string bin, string dataDir, int port)
    {
        this.bin = bin;
        this.dataDir = dataDir;
        Port = port;
    }

    public int Port { get; }
    public int Pid { get; private set; }
    public string Version { get; private set; } = "";

    public string ConnectionString(string database) =>
        string.Create(CultureInfo.InvariantCulture, $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Maximum Pool Size=100;Timeout=60;Command Timeout=120");

    public static async Task<PostgresCluster> StartAsync()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderDescending().FirstOrDefault()
            : null;
        if (bin is null)
        {
            throw new InvalidOperationException("PostgreSQL is not installed (scripts/bench.sh installs Debian's postgresql package).");
        }

        var dataDir = Path.Combine(Path.GetTempPath(), $"scheduler-bench-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dataDir);
        var cluster = new PostgresCluster(bin, dataDir, FreePort.Next());
        Children.Track(cluster);
        if (Environment.UserName == "root")
        {
            await RunAsync("chown", "-R", "postgres:postgres", dataDir);
        }

        await cluster.AsPostgresAsync("initdb", "-D", Path.Combine(dataDir, "data"), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-instructions");
        var options = string.Create(CultureInfo.InvariantCulture,
            $"-p {cluster.Port} -k {dataDir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300 -c shared_buffers=256MB");
        await cluster.AsPostgresAsync("pg_ctl", "-D", Path.Combine(dataDir, "data"), "-l", Path.Combine(dataDir, "log"), "-o", options, "-w", "start");
        cluster.Pid = int.Parse((await File.ReadAllLinesAsync(Path.Combine(dataDir, "data", "postmaster.pid")))[0], CultureInfo.InvariantCulture);
        await using var connection = new NpgsqlConnection(cluster.ConnectionString("postgres"));
        await connection.OpenAsync();
        cluster.Version = connection.PostgreSqlVersion.ToString();
        Report.Line($"PostgreSQL {cluster.Version} on 127.0.0.1:{cluster.Port} (pid {cluster.Pid}, fsync off)");
        return cluster;
    }

    /// <summary>Creates an empty database for one system and one workload.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    /// <summary>CPU seconds of the postmaster and its backends so far.</summary>
    public double CpuSeconds() => ProcStats.WithChildren(Pid).Sum(ProcStats.CpuSeconds);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        Children.Untrack(this);
        try
        {
            await AsPostgresAsync("pg_ctl", "-D", Path.Combine(dataDir, "data"), "-m", "immediate", "-w", "stop");
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    private Task AsPostgresAsync(string tool, params string[] args) =>
        Environment.UserName == "root"
            ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(bin, tool), .. args])
            : RunAsync(Path.Combine(bin, tool), args);

    private static async Task RunAsync(string program, params string[] args)
    {
        var info = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {program}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited {process.ExitCode}: {await stdout}{await stderr}");
        }
    }
}
