using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Scheduler.Api.Tests.Support;
using Scheduler.Testing;

namespace Scheduler.Api.Tests;

/// <summary>Trigger tokens on a real Server over Azurite: the secret is answered once and listed never; a token triggers its own
/// job and nothing else; revoked, or outliving its job (deleted and created again), it is refused.</summary>
[Collection(ApiDefinition.Name)]
public sealed class TriggerTokenTests(ApiFixture fixture)
{
    [Fact]
    public async Task Create_AnswersTheTokenOnce_ListShowsItWithoutTheSecret()
    {
        using var admin = fixture.App.Api();
        var job = await NewJobAsync(admin);

        var created = await (await admin.PostJsonAsync($"/api/jobs/{job}/tokens", new JsonObject { ["name"] = "github-hook" })).ExpectAsync(HttpStatusCode.Created);
        var listed = await admin.GetAsync($"/api/jobs/{job}/tokens");
        var text = await listed.Content.ReadAsStringAsync();

        var token = created["token"]!.GetValue<string>();
        Assert.StartsWith("tt.", token, StringComparison.Ordinal);
        Assert.Equal($"/api/jobs/{job}/trigger", created["triggerUrl"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        var item = Assert.Single(JsonNode.Parse(text)!["items"]!.AsArray())!;
        Assert.Equal((created["id"]!.GetValue<string>(), "github-hook", "key 0"), (item["id"]!.GetValue<string>(), item["name"]!.GetValue<string>(), item["createdBy"]!.GetValue<string>()));
        Assert.Null(item["token"]);
        Assert.DoesNotContain(token[(token.LastIndexOf('.') + 1)..], text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_TriggersItsOwnJob_AsBearerOrApiKey_AndNothingElse()
    {
        using var admin = fixture.App.Api();
        var job = await NewJobAsync(admin);
        var other = await NewJobAsync(admin);
        var token = await NewTokenAsync(admin, job);

        using var bearer = WithBearer(token);
        using var header = fixture.App.Anonymous();
        header.DefaultRequestHeaders.Add("X-Api-Key", token);

        var byBearer = await bearer.PostAsync($"/api/jobs/{job}/trigger", null);
        Assert.Equal(HttpStatusCode.Accepted, byBearer.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await header.PostAsync($"/api/jobs/{job}/trigger", null)).StatusCode);
        // Sent with nothing but the token, the run is still an outside system's.
        var run = await (await admin.GetAsync(byBearer.Headers.Location!.OriginalString)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("External", run["trigger"]!.GetValue<string>());
        await (await bearer.PostAsync($"/api/jobs/{other}/trigger", null)).ExpectProblemAsync(HttpStatusCode.Forbidden);
        await (await bearer.GetAsync($"/api/jobs/{job}")).ExpectProblemAsync(HttpStatusCode.Forbidden);
        await (await bearer.PostAsync($"/api/jobs/{job}/pause", null)).ExpectProblemAsync(HttpStatusCode.Forbidden);
        await (await bearer.PostJsonAsync($"/api/jobs/{job}/tokens", new JsonObject())).ExpectProblemAsync(HttpStatusCode.Forbidden);
        var otherRuns = await (await admin.GetAsync($"/api/jobs/{other}/runs")).ExpectAsync(HttpStatusCode.OK);
        Assert.Empty(otherRuns["items"]!.AsArray());
    }

    [Fact]
    public async Task Revoked_IsRefusedAtOnce_AndGoneFromTheList()
    {
        using var admin = fixture.App.Api();
        var job = await NewJobAsync(admin);
        var created = await (await admin.PostJsonAsync($"/api/jobs/{job}/tokens", new JsonObject())).ExpectAsync(HttpStatusCode.Created);
        using var bearer = WithBearer(created["token"]!.GetValue<string>());
        var id = created["id"]!.GetValue<string>();

        var revoked = await admin.DeleteAsync($"/api/jobs/{job}/tokens/{id}");
        var again = await admin.DeleteAsync($"/api/jobs/{job}/tokens/{id}");

        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        await again.ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await bearer.PostAsync($"/api/jobs/{job}/trigger", null)).ExpectProblemAsync(HttpStatusCode.Forbidden);
        var listed = await (await admin.GetAsync($"/api/jobs/{job}/tokens")).ExpectAsync(HttpStatusCode.OK);
        Assert.Empty(listed["items"]!.AsArray());
    }

    [Fact]
    public async Task JobDeletedAndCreatedAgain_RefusesTheOldJobsToken()
    {
        using var admin = fixture.App.Api();
        var job = await NewJobAsync(admin);
        var token = await NewTokenAsync(admin, job);
        using var bearer = WithBearer(token);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/jobs/{job}")).StatusCode);
        await (await admin.PostJsonAsync("/api/jobs", JobBodies.Http(job, "https://example.test/hook", JobBodies.FarFuture()))).ExpectAsync(HttpStatusCode.Created);

        await (await bearer.PostAsync($"/api/jobs/{job}/trigger", null)).ExpectProblemAsync(HttpStatusCode.Forbidden);
        var listed = await (await admin.GetAsync($"/api/jobs/{job}/tokens")).ExpectAsync(HttpStatusCode.OK);
        Assert.Empty(listed["items"]!.AsArray());
    }

    [Theory]
    [InlineData("{\"name\": \"has space\"}", "name")]
    [InlineData("{\"expiresUtc\": \"2001-01-01T00:00:00Z\"}", "expiresUtc")]
    [InlineData("{\"secret\": \"x\"}", "secret")]
    public async Task Create_BadBody_400NamingTheField_NoTokenMade(string body, string field)
    {
        using var admin = fixture.App.Api();
        var job = await NewJobAsync(admin);

        var answer = await admin.SendJsonAsync(HttpMethod.Post, $"/api/jobs/{job}/tokens", body);

        await answer.ExpectProblemAsync(HttpStatusCode.BadRequest, field);
        var listed = await (await admin.GetAsync($"/api/jobs/{job}/tokens")).ExpectAsync(HttpStatusCode.OK);
        Assert.Empty(listed["items"]!.AsArray());
    }

    [Fact]
    public async Task Create_ForAJobThatDoesNotExist_404()
    {
        using var admin = fixture.App.Api();

        await (await admin.PostJsonAsync("/api/jobs/no-such-job/tokens", new JsonObject())).ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    private async Task<string> NewJobAsync(HttpClient admin)
    {
        var id = JobBodies.Unique("tok");
        await (await admin.PostJsonAsync("/api/jobs", JobBodies.Http(id, fixture.Sink.Url($"ok/{id}"), JobBodies.FarFuture()))).ExpectAsync(HttpStatusCode.Created);
        return id;
    }

    private static async Task<string> NewTokenAsync(HttpClient admin, string job) =>
        (await (await admin.PostJsonAsync($"/api/jobs/{job}/tokens", new JsonObject())).ExpectAsync(HttpStatusCode.Created))["token"]!.GetValue<string>();

    private HttpClient WithBearer(string token)
    {
        var client = fixture.App.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
