using System.Net;
using Scheduler.Api.Tests.Support;

namespace Scheduler.Api.Tests;

[Collection(ApiDefinition.Name)]
public sealed class ListingTests(ApiFixture fixture)
{
    [Fact]
    public async Task ListJobs_ByTagWithLimit_PagesThroughWithContinuation()
    {
        using var client = fixture.App.Api();
        var tag = JobBodies.Unique("tag");
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var id = JobBodies.Unique("page");
            ids.Add(id);
            var body = JobBodies.Http(id, "https://example.test/hook", JobBodies.FarFuture()).With("tags", new System.Text.Json.Nodes.JsonArray(tag));
            await (await client.PostJsonAsync("/api/jobs", body)).ExpectAsync(HttpStatusCode.Created);
        }

        await (await client.PostJsonAsync($"/api/jobs/{ids[0]}/pause", null)).ExpectAsync(HttpStatusCode.OK);

        var first = await (await client.GetAsync($"/api/jobs?tag={tag}&limit=2")).ExpectAsync(HttpStatusCode.OK);
        var continuation = first["continuation"]!.GetValue<string>();
        var second = await (await client.GetAsync($"/api/jobs?tag={tag}&limit=2&continuation={Uri.EscapeDataString(continuation)}")).ExpectAsync(HttpStatusCode.OK);
        var paused = await (await client.GetAsync($"/api/jobs?tag={tag}&status=paused")).ExpectAsync(HttpStatusCode.OK);

        var listed = first["items"]!.AsArray().Concat(second["items"]!.AsArray()).Select(j => j!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(2, first["items"]!.AsArray().Count);
        Assert.Null(second["continuation"]);
        Assert.Equal(ids.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
        Assert.Equal(ids[0], Assert.Single(paused["items"]!.AsArray())!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetJob_HttpTarget_ShowsTypeButNoRepeatedKind()
    {
        using var client = fixture.App.Api();
        var id = JobBodies.Unique("shape");
        await (await client.PostJsonAsync("/api/jobs", JobBodies.Http(id, "https://example.test/hook", JobBodies.FarFuture()))).ExpectAsync(HttpStatusCode.Created);

        var job = await (await client.GetAsync($"/api/jobs/{id}")).ExpectAsync(HttpStatusCode.OK);

        var target = job["definition"]!["target"]!.AsObject();
        Assert.Equal("http", target["type"]!.GetValue<string>());
        Assert.False(target.ContainsKey("kind"));
        Assert.Equal("00:00:30", job["definition"]!["timeout"]!.GetValue<string>());
    }
}
