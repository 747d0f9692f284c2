using System.Net;
using System.Text.Json.Nodes;
using Scheduler.Api.Tests.Support;

namespace Scheduler.Api.Tests;

/// <summary>The OpenAPI document describes every answer an operation gives: its successes (from the handler's typed result,
/// with the body's schema), its 400, and the problems the route lists.</summary>
[Collection(ApiDefinition.Name)]
public sealed class OpenApiDocumentTests(ApiFixture fixture)
{
    [Theory]
    [InlineData("/api/jobs", "post", "201:JobView 200:JobView 204 400 401 403 409 413 415 503")]
    [InlineData("/api/jobs", "get", "200:ListViewOfJobView 400 401 403 503")]
    [InlineData("/api/jobs/{id}", "get", "200:JobView 400 401 403 404 503")]
    [InlineData("/api/jobs/{id}", "put", "200:JobView 400 401 403 404 412 413 415 503")]
    [InlineData("/api/jobs/{id}", "delete", "204 400 401 403 404 409 412 503")]
    [InlineData("/api/jobs/{id}/pause", "post", "200:JobView 400 401 403 404 412 503")]
    [InlineData("/api/jobs/{id}/trigger", "post", "202:TriggerView 200:TriggerView 400 401 403 404 409 413 415 503")]
    [InlineData("/api/runs/{jobId}/{runId}", "get", "200:RunView 400 401 403 404 503")]
    [InlineData("/api/runs/{jobId}/{runId}/cancel", "post", "200:RunView 400 401 403 404 409 503")]
    [InlineData("/api/config", "get", "200:SchedulerConfig 401 403 503")]
    [InlineData("/api/config", "put", "200:SchedulerConfig 400 401 403 412 413 415 503")]
    [InlineData("/api/stats", "get", "200:StatsView 401 403 503")]
    [InlineData("/api/schedules/preview", "post", "200:PreviewView 400 401 403 413 415 503")]
    [InlineData("/api/connections", "post", "201:ConnectionProfile 400 401 403 409 413 415 503")]
    [InlineData("/api/connections/{name}", "delete", "204 400 401 403 404 412 503")]
    [InlineData("/api/health", "get", "200:HealthView 503")]
    public async Task Operation_Described_ListsEachResponseWithItsSchema(string path, string method, string expected)
    {
        using var client = fixture.App.Anonymous();
        var document = await (await client.GetAsync("/openapi/v1.json")).ExpectAsync(HttpStatusCode.OK);

        var responses = document["paths"]![path]![method]!["responses"]!.AsObject();

        var described = responses.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => Describe(r.Key, r.Value!));
        Assert.Equal(expected.Split(' ').Order(StringComparer.Ordinal), described);
    }

    /// <summary>"201:JobView" for a JSON body whose schema is a named component, "400" for a problem or no body.</summary>
    private static string Describe(string status, JsonNode response)
    {
        var schema = response["content"]?["application/json"]?["schema"]?["$ref"]?.GetValue<string>();
        return schema is null ? status : $"{status}:{schema[(schema.LastIndexOf('/') + 1)..]}";
    }
}
