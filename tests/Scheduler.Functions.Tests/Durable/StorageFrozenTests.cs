using Microsoft.DurableTask.Client;
using Scheduler.Core.Runs;
using Scheduler.Testing;
using Xunit.Abstractions;

namespace Scheduler.Functions.Tests.Durable;

/// <summary>The Functions app on the production Durable backend (DurableTask.AzureStorage) with its storage frozen (Azurite
/// stopped by SIGSTOP) for 20 s while one attempt runs and three runs fall due, then thawed: nothing is lost, no run is
/// executed twice, none starts early, and the runs due during the freeze run after it. Its own Azurite, so that no other
/// test is frozen; the timer function keeps firing every second throughout, as the host's timer would.</summary>
#pragma warning disable CA1001 // xunit disposes through IAsyncLifetime.DisposeAsync.
public sealed class StorageFrozenTests(ITestOutputHelper output) : IAsyncLifetime
#pragma warning restore CA1001
{
    private static readonly TimeSpan Freeze = TimeSpan.FromSeconds(20);
    private readonly AzuriteFixture azurite = new();
    private readonly ScriptedSink sink = new();
    private FunctionsApp app = null!;

    public async Task InitializeAsync()
    {
        await azurite.InitializeAsync();
        await sink.StartAsync();
        var settings = new FunctionsAppSettings(DurableBackend.AzureStorage, azurite.NewOptions(), "frozen" + Guid.NewGuid().ToString("N")[..10]);
        app = await FunctionsApp.StartAsync(settings, new TestOutputLoggerProvider(output));
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await sink.DisposeAsync();
        await azurite.DisposeAsync();
    }

    [Fact]
    public async Task StorageFrozenWhileRunsAreDueAndInFlight_NothingLostOrDoubled_RunsDueMeanwhileRunAfterTheThaw()
    {
        var driver = new AppDriver(app);
        var inFlightDue = AppDriver.In(2);
        var runs = new List<(string Job, string Run, string Path, DateTimeOffset Due)>
        {
            ("busy", await driver.CreateOnceJobAsync("busy", sink.Url("slow/4000/busy"), inFlightDue), "slow/4000/busy", inFlightDue),
        };
        using var timer = new CancellationTokenSource();
        var ticking = TickAsync(driver, timer.Token);
        await Eventually.GetAsync(() => Task.FromResult(sink.For("slow/4000/busy").Count), n => n == 1, AppDriver.RunTimeout, TimeSpan.FromMilliseconds(50));
        for (var i = 0; i < 3; i++)
        {
            var due = AppDriver.In(3 + (i * 5));
            runs.Add(($"due{i}", await driver.CreateOnceJobAsync($"due{i}", sink.Url($"ok/due{i}"), due), $"ok/due{i}", due));
        }

        await Signals.SendAsync(azurite.ProcessId, "STOP");
        var frozen = DateTimeOffset.UtcNow;
        DateTimeOffset thawed;
        try
        {
            await Eventually.GetAsync(() => Task.FromResult(DateTimeOffset.UtcNow - frozen), t => t >= Freeze, Freeze * 2, TimeSpan.FromMilliseconds(200));
        }
        finally
        {
            await Signals.SendAsync(azurite.ProcessId, "CONT");
            thawed = DateTimeOffset.UtcNow;
        }

        foreach (var (job, run, _, _) in runs)
        {
            Assert.Equal(RunStatus.Succeeded, (await driver.FinishedAsync(job, run, TimeSpan.FromMinutes(2))).Status);
        }

        await timer.CancelAsync();
        await ticking;
        foreach (var (_, run, path, due) in runs)
        {
            var hit = Assert.Single(sink.For(path));
            Assert.True(hit.ReceivedUtc >= due, $"{path} started {(due - hit.ReceivedUtc).TotalMilliseconds:F0} ms before its due time");
            Assert.Equal(run, hit.IdempotencyKey);
            Assert.Equal(OrchestrationRuntimeStatus.Completed, (await driver.InstanceSettledAsync(run)).RuntimeStatus);
        }

        var dueMeanwhile = runs.Where(r => r.Due > frozen && r.Due < thawed).ToList();
        Assert.NotEmpty(dueMeanwhile);
        Assert.All(dueMeanwhile, r => Assert.True(sink.For(r.Path)[0].ReceivedUtc >= thawed, $"{r.Path} ran during the freeze"));
        output.WriteLine($"frozen {frozen:HH:mm:ss.fff} to {thawed:HH:mm:ss.fff}; started after the thaw: " +
            string.Join(", ", runs.Select(r => $"{r.Path} {(sink.For(r.Path)[0].ReceivedUtc - thawed).TotalSeconds:0.0} s")));
    }

    /// <summary>The timer function every second, one invocation at a time (the host does not overlap a timer's runs), failures
    /// logged by the host and the next tick tried: a sweep against frozen storage fails or waits, it does not stop the timer.</summary>
    private async Task TickAsync(AppDriver driver, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await driver.SweepAsync();
            }
#pragma warning disable CA1031 // The host logs a failed timer invocation and fires the next one.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                output.WriteLine($"sweep failed: {ex.GetType().Name}");
            }

            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
