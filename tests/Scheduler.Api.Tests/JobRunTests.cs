using System.Net;
using Azure.Storage.Queues;
using Scheduler.Api.Tests.Support;
using Scheduler.Testing;
using static Scheduler.Api.Tests.Support.RunPolling;

namespace Scheduler.Api.Tests;

[Collection(ApiDefinition.Name)]
public sealed class JobRunTests(ApiFixture fixture)
{
    [Fact]
    public async Task Create_OnceJob_RunsAndRunShowsItsAttempt()
    {
        using var client = fixture.App.Api();
        var id = JobBodies.Unique("once");
        var path = $"ok/{id}";

        var created = await client.PostJsonAsync("/api/jobs", JobBodies.Http(id, fixture.Sink.Url(path), JobBodies.Once()));
        var job = await created.ExpectAsync(HttpStatusCode.Created);

        Assert.Equal($"/api/jobs/{id}", created.Headers.Location?.OriginalString);
        Assert.False(string.IsNullOrEmpty(HttpHelpers.ETagOf(created)));
        Assert.Equal("Active", job["status"]!.GetValue<string>());
        var runs = await WaitForRunsAsync(client, id, r => r.Count == 1 && Status(r[0]!) == "Succeeded");
        var runId = runs[0]!["runId"]!.GetValue<string>();
        var run = await (await client.GetAsync($"/api/runs/{id}/{runId}")).ExpectAsync(HttpStatusCode.OK);
        var attempt = Assert.Single(run["attempts"]!.AsArray());
        Assert.Equal(1, attempt!["number"]!.GetValue<int>());
        Assert.Equal("Succeeded", attempt["status"]!.GetValue<string>());
        Assert.Equal(200, attempt["statusCode"]!.GetValue<int>());
        var hit = Assert.Single(fixture.Sink.For(path));
        Assert.Equal(runId, hit.IdempotencyKey);
    }

    [Fact]
    public async Task Trigger_JobNotDue_RunsExactlyOnce()
    {
        using var client = fixture.App.Api();
        var id = JobBodies.Unique("trig");
        var path = $"ok/{id}";
        await (await client.PostJsonAsync("/api/jobs", JobBodies.Http(id, fixture.Sink.Url(path), JobBodies.FarFuture()))).ExpectAsync(HttpStatusCode.Created);

        var triggered = await client.PostJsonAsync($"/api/jobs/{id}/trigger", null);
        var body = await triggered.ExpectAsync(HttpStatusCode.Accepted);

        var location = triggered.Headers.Location!.OriginalString;
        Assert.Equal(body["location"]!.GetValue<string>(), location);
        var run = await WaitForRunAsync(client, location, r => Status(r) == "Succeeded");
        Assert.Equal("Manual", run["trigger"]!.GetValue<string>());
        Assert.Single(fixture.Sink.For(path));
        Assert.Single(await RunsAsync(client, id));
    }

    [Fact]
    public async Task Cancel_RunWaitingForRetry_StopsRetriesAndSecondCancelConflicts()
    {
        // A Server of its own: its queue then holds nothing but this run's resume message, the only way its retry could run.
        await using var app = new SchedulerApp(fixture.Azurite.NewOptions());
        using var client = app.Api();
        var queue = new QueueClient(app.Storage.ConnectionString, app.Storage.RunsQueue);
        var id = JobBodies.Unique("cancel");
        var path = $"fail/{id}";
        var body = JobBodies.Http(id, fixture.Sink.Url(path), JobBodies.Once())
            .With("retry", new System.Text.Json.Nodes.JsonObject { ["maxAttempts"] = 5, ["firstInterval"] = "00:00:03", ["jitter"] = 0 });
        await (await client.PostJsonAsync("/api/jobs", body)).ExpectAsync(HttpStatusCode.Created);
        var runs = await WaitForRunsAsync(client, id, r => r.Count == 1 && Status(r[0]!) == "Retrying");
        var runId = runs[0]!["runId"]!.GetValue<string>();
        await WaitForQueueDepthAsync(queue, 1);

        var canceled = await (await client.PostJsonAsync($"/api/runs/{id}/{runId}/cancel", null)).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("Canceled", Status(canceled));
        // The resume message shows 3 s after the first attempt; once the worker has taken it and removed it, no retry can follow.
        await WaitForQueueDepthAsync(queue, 0);
        var run = await (await client.GetAsync($"/api/runs/{id}/{runId}")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Canceled", Status(run));
        Assert.Single(run["attempts"]!.AsArray());
        Assert.Single(fixture.Sink.For(path));
        await (await client.PostJsonAsync($"/api/runs/{id}/{runId}/cancel", null)).ExpectProblemAsync(HttpStatusCode.Conflict);
    }

    /// <summary>Waits until the queue holds <paramref name="depth"/> messages, those not yet visible included.</summary>
    private static Task<int> WaitForQueueDepthAsync(QueueClient queue, int depth) =>
        Eventually.GetAsync(
            async () => (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount,
            count => count == depth,
            RunPolling.Timeout,
            TimeSpan.FromMilliseconds(100));
}
