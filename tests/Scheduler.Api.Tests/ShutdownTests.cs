using System.Net;
using Scheduler.Api.Tests.Support;
using Scheduler.Testing;
using static Scheduler.Testing.RunPolling;

namespace Scheduler.Api.Tests;

[Collection(ApiDefinition.Name)]
public sealed class ShutdownTests(ApiFixture fixture)
{
    [Fact]
    public async Task Stop_RunInFlight_FinishesBeforeTheHostStops()
    {
        var storage = fixture.Azurite.NewOptions();
        var id = JobBodies.Unique("drain");
        var path = $"slow/3000/{id}";
        var app = new SchedulerApp(storage);
        await using (app.ConfigureAwait(false))
        {
            using var client = app.Api();
            await (await client.PostJsonAsync("/api/jobs", JobBodies.Http(id, fixture.Sink.Url(path), JobBodies.Once()))).ExpectAsync(HttpStatusCode.Created);
            await Eventually.GetAsync(() => Task.FromResult(fixture.Sink.For(path).Count), n => n == 1, RunPolling.Timeout);
        }

        // The host stopped only after the attempt it had started came back and was recorded.
        var restarted = new SchedulerApp(storage);
        await using (restarted.ConfigureAwait(false))
        {
            using var client = restarted.Api();
            var run = Assert.Single(await RunsAsync(client, id));
            Assert.Equal("Succeeded", Status(run!));
            Assert.Equal(1, run!["attemptCount"]!.GetValue<int>());
            Assert.Single(fixture.Sink.For(path));
        }
    }
}
