using System.Net;
using Scheduler.Api.Tests.Support;

namespace Scheduler.Api.Tests;

[Collection(ApiDefinition.Name)]
public sealed class ConcurrencyControlTests(ApiFixture fixture)
{
    [Fact]
    public async Task Replace_IfMatchMismatch_Returns412AndKeepsTheJob()
    {
        using var client = fixture.App.Api();
        var id = JobBodies.Unique("etag");
        var body = JobBodies.Http(id, "https://example.test/hook", JobBodies.FarFuture());
        var created = await client.PostJsonAsync("/api/jobs", body);
        await created.ExpectAsync(HttpStatusCode.Created);
        var etag = HttpHelpers.ETagOf(created);
        var stale = new Dictionary<string, string> { ["If-Match"] = "W/\"datetime'2001-01-01T00%3A00%3A00Z'\"" };

        await (await client.PutJsonAsync($"/api/jobs/{id}", body.DeepClone().AsObject().With("priority", 9), stale)).ExpectProblemAsync(HttpStatusCode.PreconditionFailed);
        await (await client.SendAsync(HttpMethod.Delete, $"/api/jobs/{id}", stale)).ExpectProblemAsync(HttpStatusCode.PreconditionFailed);
        await (await client.SendAsync(HttpMethod.Post, $"/api/jobs/{id}/pause", stale)).ExpectProblemAsync(HttpStatusCode.PreconditionFailed);

        var current = await client.GetAsync($"/api/jobs/{id}");
        var job = await current.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(etag, HttpHelpers.ETagOf(current));
        Assert.Equal(5, job["definition"]!["priority"]!.GetValue<int>());
        var replaced = await client.PutJsonAsync($"/api/jobs/{id}", body.DeepClone().AsObject().With("priority", 9), new Dictionary<string, string> { ["If-Match"] = etag });
        Assert.Equal(9, (await replaced.ExpectAsync(HttpStatusCode.OK))["definition"]!["priority"]!.GetValue<int>());
        Assert.NotEqual(etag, HttpHelpers.ETagOf(replaced));
    }

    [Fact]
    public async Task Create_SameIdempotencyKeyTwice_CreatesOneJob()
    {
        using var client = fixture.App.Api();
        var id = JobBodies.Unique("idem");
        var key = new Dictionary<string, string> { ["Idempotency-Key"] = Guid.NewGuid().ToString() };
        var body = JobBodies.Http(id, "https://example.test/hook", JobBodies.FarFuture());

        var first = await client.PostJsonAsync("/api/jobs", body, key);
        var second = await client.PostJsonAsync("/api/jobs", body, key);

        var one = await first.ExpectAsync(HttpStatusCode.Created);
        var two = await second.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(one["id"]!.GetValue<string>(), two["id"]!.GetValue<string>());
        Assert.Equal(HttpHelpers.ETagOf(first), HttpHelpers.ETagOf(second));
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        var listed = await (await client.GetAsync($"/api/jobs?text={id}")).ExpectAsync(HttpStatusCode.OK);
        Assert.Single(listed["items"]!.AsArray());
        var other = JobBodies.Http(JobBodies.Unique("idem"), "https://example.test/hook", JobBodies.FarFuture());
        await (await client.PostJsonAsync("/api/jobs", other, key)).ExpectProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Create_ExistingIdWithoutKey_Returns409()
    {
        using var client = fixture.App.Api();
        var body = JobBodies.Http(JobBodies.Unique("dup"), "https://example.test/hook", JobBodies.FarFuture());
        await (await client.PostJsonAsync("/api/jobs", body)).ExpectAsync(HttpStatusCode.Created);

        await (await client.PostJsonAsync("/api/jobs", body)).ExpectProblemAsync(HttpStatusCode.Conflict);
    }
}
