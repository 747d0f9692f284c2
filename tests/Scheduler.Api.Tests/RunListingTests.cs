using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Scheduler.Api.Tests.Support;
using static Scheduler.Testing.RunPolling;

namespace Scheduler.Api.Tests;

/// <summary>Runs across jobs: "everything that failed in the last hour", newest first, paged.</summary>
[Collection(ApiDefinition.Name)]
public sealed class RunListingTests(ApiFixture fixture)
{
    [Fact]
    public async Task ListRuns_ByStatusSinceAnInstant_ShowsEveryJobsRunsOfThatStatusNewestFirstAndPages()
    {
        using var client = fixture.App.Api();
        var since = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddSeconds(-1).ToString("O", CultureInfo.InvariantCulture));
        var failing = new[] { JobBodies.Unique("lf-a"), JobBodies.Unique("lf-b") };
        var passing = JobBodies.Unique("lf-ok");
        foreach (var id in failing)
        {
            await Create(client, id, fixture.Sink.Url($"fail/{id}"));
        }

        await Create(client, passing, fixture.Sink.Url($"ok/{passing}"));
        foreach (var id in failing.Append(passing))
        {
            await WaitForRunsAsync(client, id, r => r.Count == 1 && Status(r[0]!) is "Failed" or "Succeeded");
        }

        var failed = await (await client.GetAsync($"/api/runs?status=Failed&since={since}")).ExpectAsync(HttpStatusCode.OK);
        var first = await (await client.GetAsync($"/api/runs?status=failed&since={since}&limit=1")).ExpectAsync(HttpStatusCode.OK);
        var continuation = Uri.EscapeDataString(first["continuation"]!.GetValue<string>());
        var second = await (await client.GetAsync($"/api/runs?status=Failed&since={since}&limit=1&continuation={continuation}")).ExpectAsync(HttpStatusCode.OK);

        var jobs = JobsOf(failed);
        Assert.Equal(failing.Order(), jobs.Where(failing.Contains).Order());
        Assert.DoesNotContain(passing, jobs);
        Assert.All(failed["items"]!.AsArray(), r => Assert.Equal("Failed", Status(r!)));
        var created = failed["items"]!.AsArray().Select(r => DateTimeOffset.Parse(r!["createdUtc"]!.GetValue<string>(), CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(created.OrderDescending(), created);
        Assert.Equal(JobsOf(failed).Take(2), JobsOf(first).Concat(JobsOf(second)));
    }

    [Theory]
    [InlineData("status=Broken", "status")]
    [InlineData("since=yesterday", "since")]
    [InlineData("since=2026-03-02T00:00:00Z&until=2026-03-01T00:00:00Z", "since")]
    [InlineData("since=2026-01-01T00:00:00Z&until=2026-03-01T00:00:00Z", "since")]
    [InlineData("limit=0", "limit")]
    public async Task ListRuns_BadFilter_IsAProblemNamingIt(string query, string field)
    {
        using var client = fixture.App.Api();

        var answer = await client.GetAsync($"/api/runs?{query}");

        await answer.ExpectProblemAsync(HttpStatusCode.BadRequest, field);
    }

    private static async Task Create(HttpClient client, string id, string url) =>
        await (await client.PostJsonAsync("/api/jobs", JobBodies.Http(id, url, JobBodies.Once())
            .With("retry", new JsonObject { ["maxAttempts"] = 1 }))).ExpectAsync(HttpStatusCode.Created);

    private static List<string> JobsOf(JsonNode page) => page["items"]!.AsArray().Select(r => r!["jobId"]!.GetValue<string>()).ToList();
}
