using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Scheduler.Bench.Infra;

/// <summary>Child processes this benchmark started (Azurite, the Server): stopped at the end of their scenario, and also when
/// the benchmark is interrupted (Ctrl+C, SIGTERM), so that no Azurite is left running.</summary>
internal static class Children
{
    private static readonly ConcurrentDictionary<IAsyncDisposable, byte> Live = new();
    private static readonly List<PosixSignalRegistration> Registrations = [];

    public static void Track(IAsyncDisposable child) => Live[child] = 0;

    public static void Untrack(IAsyncDisposable child) => Live.TryRemove(child, out _);

    public static void StopAllOnSignals()
    {
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })
        {
            Registrations.Add(PosixSignalRegistration.Create(signal, context =>
            {
                context.Cancel = true;
                Console.Error.WriteLine($"bench: {context.Signal}, stopping {Live.Count} child process(es)");
                Task.WhenAll(Live.Keys.Select(c => c.DisposeAsync().AsTask())).Wait(TimeSpan.FromSeconds(20));
                Environment.Exit(130);
            }));
        }
    }
}
