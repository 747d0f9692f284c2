using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Scheduler.Core.Alerts;
using Scheduler.Core.Ports;
using Scheduler.Core.Runs;
using Scheduler.Functions.Http;
using Scheduler.Functions.Triggers;
using Scheduler.Testing;
using Xunit.Abstractions;

namespace Scheduler.Functions.Tests.Durable;

/// <summary>Job alerts on the Functions host (Durable's in-process backend, Azurite, a real sink): a failed run's alert is delivered
/// by its activity; the minute timer fires a NoSuccessWithin deadline that came due, once; the alerts function lists them.</summary>
[Collection("azurite")]
#pragma warning disable CA1001 // xunit disposes through IAsyncLifetime.DisposeAsync.
public sealed class AlertFunctionsTests(AzuriteFixture azurite, ITestOutputHelper output) : IAsyncLifetime
#pragma warning restore CA1001
{
    private readonly ScriptedSink sink = new();
    private FunctionsApp app = null!;
    private AppDriver driver = null!;

    public async Task InitializeAsync()
    {
        await sink.StartAsync();
        app = await FunctionsApp.StartAsync(new FunctionsAppSettings(DurableBackend.InMemory, azurite.NewOptions(), "alerts"), new TestOutputLoggerProvider(output));
        driver = new AppDriver(app);
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await sink.DisposeAsync();
    }

    [Fact]
    public async Task FailedRunWithAnAlertOnFailed_TheActivityDeliversTheAlertOnce_AndTheFunctionListsIt()
    {
        var extra = $$""", "retry": { "maxAttempts": 1 }, "alerts": [ { "on": "Failed", "webhook": { "url": "{{sink.Url("alerts/durable")}}" } } ]""";
        var runId = await driver.CreateOnceJobAsync("alerted", sink.Url("fail/alerted"), AppDriver.In(1), extra);

        var run = await driver.FinishedAsync("alerted", runId);
        await Eventually.GetAsync(() => driver.Runs.GetAsync("alerted", runId, CancellationToken.None), r => r?.FollowUpsPending == false, AppDriver.RunTimeout);
        var request = HttpCall.Request(app, "GET", null);
        var (status, body) = await HttpCall.ExecuteAsync(request, app.Function<AlertFunctions>().List(request, "alerted", CancellationToken.None));

        Assert.Equal(RunStatus.Failed, run.Status);
        var hit = Assert.Single(sink.For("alerts/durable"));
        Assert.Equal($"{runId}/alert/1", hit.Headers.GetValueOrDefault("Scheduler-Alert-Id"));
        Assert.Equal(200, status);
        var alert = Assert.Single(body!.Value.GetProperty("items").EnumerateArray());
        Assert.Equal(($"{runId}/alert/1", "delivered"), (alert.GetProperty("id").GetString(), alert.GetProperty("delivery").GetString()));
    }

    [Fact]
    public async Task AlertDeadlineTimer_ADeadlineThatCameDue_FiresOnce_AndTheRowGoes()
    {
        var extra = $$""", "alerts": [ { "on": "NoSuccessWithin", "window": "01:00:00", "webhook": { "url": "{{sink.Url("alerts/stopped")}}" } } ]""";
        await driver.CreateOnceJobAsync("stopped", sink.Url("ok/stopped"), AppDriver.In(3600), extra);
        // The state a job leaves whose last success was two hours ago: its deadline came due an hour ago.
        var store = app.Services.GetRequiredService<IAlertStore>();
        var lastSuccess = DateTimeOffset.UtcNow.AddHours(-2);
        await store.DecideAsync(AlertState.Empty("stopped") with { LastSuccessUtc = lastSuccess, Armed = [1] }, [], CancellationToken.None);
        await store.ArmAsync(new AlertDeadline("stopped", 1, lastSuccess.AddHours(1)), CancellationToken.None);

        await app.Function<AlertDeadlineTimer>().Run(new TimerInfo(), app.Context(nameof(AlertDeadlineTimer)));
        await app.Function<AlertDeadlineTimer>().Run(new TimerInfo(), app.Context(nameof(AlertDeadlineTimer)));

        var hit = Assert.Single(sink.For("alerts/stopped"));
        Assert.StartsWith("stopped/nosuccess/1/", hit.Headers.GetValueOrDefault("Scheduler-Alert-Id"), StringComparison.Ordinal);
        Assert.Contains("\"on\":\"NoSuccessWithin\"", hit.Body, StringComparison.Ordinal);
        Assert.Empty(await store.ListDueAsync(DateTimeOffset.UtcNow.AddDays(1), 10, CancellationToken.None));
    }
}
