using System.Net;
using System.Net.Http.Headers;
using Scheduler.Api.Tests.Support;

namespace Scheduler.Api.Tests;

[Collection(ApiDefinition.Name)]
public sealed class AuthTests(ApiFixture fixture)
{
    [Fact]
    public async Task Health_WithoutKey_Returns200()
    {
        using var client = fixture.App.Anonymous();

        var health = await (await client.GetAsync("/api/health")).ExpectAsync(HttpStatusCode.OK);

        Assert.True(health["storageReachable"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("GET", "/api/jobs")]
    [InlineData("POST", "/api/jobs")]
    [InlineData("GET", "/api/jobs/some-job")]
    [InlineData("PUT", "/api/jobs/some-job")]
    [InlineData("DELETE", "/api/jobs/some-job")]
    [InlineData("POST", "/api/jobs/some-job/pause")]
    [InlineData("POST", "/api/jobs/some-job/resume")]
    [InlineData("POST", "/api/jobs/some-job/trigger")]
    [InlineData("GET", "/api/jobs/some-job/runs")]
    [InlineData("GET", "/api/runs")]
    [InlineData("GET", "/api/runs/some-job/some-job:0638000000000000000")]
    [InlineData("POST", "/api/runs/some-job/some-job:0638000000000000000/cancel")]
    [InlineData("GET", "/api/config")]
    [InlineData("PUT", "/api/config")]
    [InlineData("GET", "/api/stats")]
    [InlineData("POST", "/api/schedules/preview")]
    [InlineData("GET", "/api/poison")]
    [InlineData("DELETE", "/api/poison/0b9e2a54-6c1d-4f0e-9a7e-3d2f1c0b8a91")]
    [InlineData("GET", "/api/connections")]
    [InlineData("POST", "/api/connections")]
    [InlineData("GET", "/api/connections/some-conn")]
    [InlineData("PUT", "/api/connections/some-conn")]
    [InlineData("DELETE", "/api/connections/some-conn")]
    public async Task Endpoint_WithoutKeyWrongKeyOrAlmostRightKey_Returns401(string method, string path)
    {
        using var anonymous = fixture.App.Anonymous();
        using var wrong = fixture.App.Anonymous();
        wrong.DefaultRequestHeaders.Add("X-Api-Key", SchedulerApp.ApiKey + "x");
        using var wrongBearer = fixture.App.Anonymous();
        wrongBearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-" + SchedulerApp.ApiKey);

        // Almost right: one character off, one short, the wrong case.
        var key = SchedulerApp.ApiKey;
        var almost = new[] { key[..^1] + (key[^1] == 'a' ? 'b' : 'a'), key[..^1], key.ToUpperInvariant() }.Select(k =>
        {
            var client = fixture.App.Anonymous();
            client.DefaultRequestHeaders.Add("X-Api-Key", k);
            return client;
        }).ToList();

        foreach (var client in new[] { anonymous, wrong, wrongBearer }.Concat(almost))
        {
            var response = await client.SendJsonAsync(new HttpMethod(method), path, "{}");
            await response.ExpectProblemAsync(HttpStatusCode.Unauthorized);
        }

        almost.ForEach(c => c.Dispose());
    }

    [Fact]
    public async Task Endpoint_WrongKey_SaysTheKeyWasRefused_MissingKey_SaysOneIsRequired()
    {
        using var anonymous = fixture.App.Anonymous();
        using var wrong = fixture.App.Anonymous();
        wrong.DefaultRequestHeaders.Add("X-Api-Key", "not-the-key-0123456789");

        var missing = await (await anonymous.GetAsync("/api/jobs")).ExpectProblemAsync(HttpStatusCode.Unauthorized);
        var refused = await (await wrong.GetAsync("/api/jobs")).ExpectProblemAsync(HttpStatusCode.Unauthorized);

        Assert.Equal("An API key is required.", missing["title"]!.GetValue<string>());
        Assert.Equal("The API key was refused.", refused["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Endpoint_WithBearerKey_IsAccepted()
    {
        using var client = fixture.App.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", SchedulerApp.ApiKey);

        await (await client.GetAsync("/api/stats")).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task OpenApiAndReference_WithoutKey_AreServed()
    {
        using var client = fixture.App.Anonymous();

        var document = await (await client.GetAsync("/openapi/v1.json")).ExpectAsync(HttpStatusCode.OK);
        var reference = await client.GetAsync("/api/reference/");

        Assert.NotNull(document["paths"]!["/api/jobs"]);
        Assert.NotNull(document["paths"]!["/api/runs/{jobId}/{runId}/cancel"]);
        Assert.Contains("[d.]hh:mm:ss", document.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
        Assert.Contains("text/html", reference.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
    }
}
