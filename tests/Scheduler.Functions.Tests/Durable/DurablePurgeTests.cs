using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Scheduler.Core.Runs;
using Scheduler.Functions.Triggers;
using Scheduler.Testing;
using Xunit.Abstractions;

namespace Scheduler.Functions.Tests.Durable;

/// <summary>The retention timer on the production Durable backend (DurableTask.AzureStorage over Azurite), with Durable's
/// history kept one second: an ended orchestration older than that is purged, a running one is not.</summary>
[Collection("azurite")]
#pragma warning disable CA1001 // xunit disposes through IAsyncLifetime.DisposeAsync.
public sealed class DurablePurgeTests(AzuriteFixture azurite, ITestOutputHelper output) : IAsyncLifetime
#pragma warning restore CA1001
{
    private readonly ScriptedSink sink = new();
    private FunctionsApp app = null!;
    private AppDriver driver = null!;

    public async Task InitializeAsync()
    {
        await sink.StartAsync();
        var settings = new FunctionsAppSettings(DurableBackend.AzureStorage, azurite.NewOptions(), "hub" + Guid.NewGuid().ToString("N")[..10])
        {
            Overrides = new Dictionary<string, string?> { ["Scheduler:Retention:DurableHistoryFor"] = "00:00:01" },
        };
        app = await FunctionsApp.StartAsync(settings, new TestOutputLoggerProvider(output));
        driver = new AppDriver(app);
    }

    public async Task DisposeAsync()
    {
        sink.Release();
        await app.DisposeAsync();
        await sink.DisposeAsync();
    }

    [Fact]
    public async Task RetentionTimer_EndedInstancePastRetention_IsPurged_RunningInstanceStays()
    {
        var ended = await driver.CreateOnceJobAsync("ended", sink.Url("ok/ended"), AppDriver.In(1));
        await driver.FinishedAsync("ended", ended);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await driver.InstanceSettledAsync(ended)).RuntimeStatus);
        var held = await driver.CreateOnceJobAsync("held", sink.Url("hold/p"), AppDriver.In(1), """, "timeout": "00:01:00" """);
        await Eventually.GetAsync(() => Task.FromResult(sink.For("hold/p").Count), n => n == 1, AppDriver.RunTimeout, TimeSpan.FromMilliseconds(100));
        // Both instances past the retention: the running one is kept for its status, not its age.
        await Eventually.GetAsync(() => app.Client.GetInstanceAsync(held), i => i is not null && i.CreatedAt < DateTimeOffset.UtcNow.AddSeconds(-1.5), AppDriver.RunTimeout, TimeSpan.FromMilliseconds(200));

        await app.Function<RetentionTimer>().Run(new TimerInfo(), app.Client, app.Context(nameof(RetentionTimer)));

        Assert.Null(await app.Client.GetInstanceAsync(ended));
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await app.Client.GetInstanceAsync(held))!.RuntimeStatus);
        Assert.Equal(RunStatus.Succeeded, (await driver.Runs.GetAsync("ended", ended, CancellationToken.None))!.Status);
    }
}
