using System.Diagnostics;
using System.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Scheduler.Server.Startup;

namespace Scheduler.Bench.Infra;

/// <summary><c>Scheduler.Bench serve</c>: the Server exactly as src/Scheduler.Server/Program.cs composes it (AddSchedulerServer,
/// UseSchedulerServer), run as its own process so that its memory is measured alone, plus one diagnostics endpoint,
/// <c>GET /bench/memory</c>, that forces a full compacting GC and reports the GC heap and the process's RSS.</summary>
internal static class ServeMode
{
    public static async Task RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.AddSchedulerServer();
        var app = builder.Build();
        app.UseSchedulerServer();
        app.MapGet("/bench/memory", () => Results.Json(Sample()));
        await app.RunAsync();
    }

    private static MemorySample Sample()
    {
        var rssBefore = ProcStatus.RssBytes(Environment.ProcessId);
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        var info = GC.GetGCMemoryInfo(GCKind.Any);
        using var process = Process.GetCurrentProcess();
        return new MemorySample(rssBefore, heap, info.HeapSizeBytes, info.TotalCommittedBytes, ProcStatus.RssBytes(Environment.ProcessId),
            GCSettings.IsServerGC, process.Threads.Count, GC.CollectionCount(2));
    }
}

/// <summary>What <c>GET /bench/memory</c> answers.</summary>
internal sealed record MemorySample(long RssBeforeGcBytes, long GcHeapAfterFullGcBytes, long HeapSizeBytes, long GcCommittedBytes,
    long RssAfterGcBytes, bool ServerGc, int Threads, int Gen2Collections);

/// <summary>Reads /proc/&lt;pid&gt;/status.</summary>
internal static class ProcStatus
{
    public static long RssBytes(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                var kb = long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
                return kb * 1024;
            }
        }

        return -1;
    }

    /// <summary>The 1-minute load average: how busy the machine was (other processes included) while measuring.</summary>
    public static double LoadAverage()
    {
        try
        {
            return double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return double.NaN;
        }
    }
}
