using System.Net;
using System.Text.Json.Nodes;
using Scheduler.Api.Tests.Support;
using Scheduler.Testing;

namespace Scheduler.Api.Tests;

/// <summary>Roles on a real Server with one key of each role, the single admin key of older setups and a trigger token: every endpoint called
/// with every key, each answer held to one table of the role each endpoint needs.</summary>
[Collection(ApiDefinition.Name)]
public sealed class RoleTests(ApiFixture fixture) : IAsyncLifetime
{
    private const string ReaderKey = "reader-key-5d1c8e0a7b3f";
    private const string OperatorKey = "operator-key-9a2e6c4b1d7f";
    private const string AdminKey = "admin-key-3f8b0d2c6e9a";
    private const string Job = "role-job";
    private const string Run = "role-job:0638000000000000000";
    private const string Poison = "0b9e2a54-6c1d-4f0e-9a7e-3d2f1c0b8a91";
    private SchedulerApp app = null!;

    /// <summary>Method, path, body and the role it needs; the destructive rows last, so that the rows above find what they read.</summary>
    public static readonly (string Method, string Path, JsonNode? Body, string Role)[] Table =
    [
        ("GET", "/api/jobs", null, "reader"),
        ("GET", $"/api/jobs/{Job}", null, "reader"),
        ("GET", $"/api/jobs/{Job}/runs", null, "reader"),
        ("GET", "/api/runs", null, "reader"),
        ("GET", $"/api/runs/{Job}/{Run}", null, "reader"),
        ("GET", "/api/config", null, "reader"),
        ("GET", "/api/stats", null, "reader"),
        ("GET", "/api/stats/history", null, "reader"),
        ("GET", "/api/poison", null, "reader"),
        ("GET", $"/api/poison/{Poison}", null, "reader"),
        ("GET", "/api/connections", null, "reader"),
        ("GET", "/api/connections/role-conn", null, "reader"),
        ("GET", "/api/audit", null, "reader"),
        ("GET", $"/api/jobs/{Job}/audit", null, "reader"),
        ("POST", "/api/schedules/preview", new JsonObject { ["schedule"] = JobBodies.Cron("0 3 * * *"), ["count"] = 2 }, "reader"),
        ("POST", $"/api/jobs/{Job}/pause", null, "operator"),
        ("POST", $"/api/jobs/{Job}/resume", null, "operator"),
        ("POST", $"/api/jobs/{Job}/trigger", null, "operator"),
        ("POST", $"/api/runs/{Job}/{Run}/cancel", null, "operator"),
        ("POST", "/api/jobs", JobBodies.Http("role-new", "https://example.test/hook", JobBodies.Cron("0 0 1 1 *")), "admin"),
        ("PUT", $"/api/jobs/{Job}", JobBodies.Http(Job, "https://example.test/hook", JobBodies.Cron("0 0 1 1 *")), "admin"),
        ("GET", $"/api/jobs/{Job}/tokens", null, "admin"),
        ("POST", $"/api/jobs/{Job}/tokens", new JsonObject(), "admin"),
        ("DELETE", $"/api/jobs/{Job}/tokens/00000000000000ff", null, "admin"),
        ("PUT", "/api/config", new JsonObject { ["lanes"] = new JsonObject { ["default"] = 10 } }, "admin"),
        ("POST", "/api/connections", ConnectionTests.Profile("role-new-conn"), "admin"),
        ("PUT", "/api/connections/role-conn", ConnectionTests.Profile("role-conn"), "admin"),
        ("POST", $"/api/poison/{Poison}/requeue", null, "admin"),
        ("DELETE", $"/api/poison/{Poison}", null, "admin"),
        ("DELETE", "/api/connections/role-conn", null, "admin"),
        ("DELETE", $"/api/jobs/{Job}", null, "admin"),
    ];

    /// <summary>A trigger token of the job ranks below every key: it is let through on its job's trigger alone.</summary>
    private static readonly string[] Ranks = ["token", "reader", "operator", "admin"];

    public async Task InitializeAsync()
    {
        app = await new SchedulerApp(fixture.Azurite.NewOptions(), new Dictionary<string, string?>
        {
            ["Scheduler:Api:NamedKeys:0:Name"] = "dashboard-viewer",
            ["Scheduler:Api:NamedKeys:0:Key"] = ReaderKey,
            ["Scheduler:Api:NamedKeys:0:Role"] = "reader",
            ["Scheduler:Api:NamedKeys:1:Name"] = "on-call",
            ["Scheduler:Api:NamedKeys:1:Key"] = OperatorKey,
            ["Scheduler:Api:NamedKeys:1:Role"] = "Operator",
            ["Scheduler:Api:NamedKeys:2:Name"] = "platform",
            ["Scheduler:Api:NamedKeys:2:Key"] = AdminKey,
            ["Scheduler:Api:NamedKeys:2:Role"] = "admin",
        }).StartedAsync();
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task EveryEndpoint_WithEveryRole_AnswersByTheTable()
    {
        using var admin = Client(AdminKey);
        await (await admin.PostJsonAsync("/api/jobs", JobBodies.Http(Job, "https://example.test/hook", JobBodies.Cron("0 0 1 1 *")))).ExpectAsync(HttpStatusCode.Created);
        await (await admin.PostJsonAsync("/api/connections", ConnectionTests.Profile("role-conn"))).ExpectAsync(HttpStatusCode.Created);
        var token = (await (await admin.PostJsonAsync($"/api/jobs/{Job}/tokens", new JsonObject())).ExpectAsync(HttpStatusCode.Created))["token"]!.GetValue<string>();
        var keys = new (string Role, string Key)[] { ("token", token), ("reader", ReaderKey), ("operator", OperatorKey), ("admin", AdminKey), ("admin", SchedulerApp.ApiKey) };
        var wrong = new List<string>();

        foreach (var (method, path, body, needed) in Table)
        {
            // The refused keys first: what they were refused must still be there for the allowed ones.
            foreach (var (role, key) in keys.OrderBy(k => Array.IndexOf(Ranks, k.Role)))
            {
                using var client = Client(key);
                using var response = await client.SendJsonAsync(new HttpMethod(method), path, body?.ToJsonString() ?? "{}");
                var allowed = role == "token" ? (method, path) == ("POST", $"/api/jobs/{Job}/trigger") : Array.IndexOf(Ranks, role) >= Array.IndexOf(Ranks, needed);
                var status = (int)response.StatusCode;
                if (allowed && status is 401 or 403 or >= 500)
                {
                    wrong.Add($"{method} {path} as {role}: {status}, expected it let through");
                }
                else if (!allowed && role == "token" && response.StatusCode != HttpStatusCode.Forbidden)
                {
                    wrong.Add($"{method} {path} with a trigger token: {status}, expected 403");
                }
                else if (!allowed && role != "token" && !await IsRoleRefusalAsync(response, needed, role))
                {
                    wrong.Add($"{method} {path} as {role}: {status} {await response.Content.ReadAsStringAsync()}, expected 403 naming {needed}");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task RefusedCall_ChangesNothing()
    {
        using var admin = Client(AdminKey);
        using var reader = Client(ReaderKey);
        await (await admin.PostJsonAsync("/api/jobs", JobBodies.Http("role-kept", "https://example.test/hook", JobBodies.Cron("0 0 1 1 *")))).ExpectAsync(HttpStatusCode.Created);

        await (await reader.SendAsync(HttpMethod.Delete, "/api/jobs/role-kept")).ExpectProblemAsync(HttpStatusCode.Forbidden);
        await (await reader.SendAsync(HttpMethod.Post, "/api/jobs/role-kept/pause")).ExpectProblemAsync(HttpStatusCode.Forbidden);
        var job = await (await admin.GetAsync("/api/jobs/role-kept")).ExpectAsync(HttpStatusCode.OK);
        var runs = await (await admin.GetAsync("/api/jobs/role-kept/runs")).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("Active", job["status"]!.GetValue<string>());
        Assert.Empty(runs["items"]!.AsArray());
    }

    [Fact]
    public async Task OpenApiDocument_NamesTheRoleOfEveryOperation_AsTheTable()
    {
        using var anonymous = app.Anonymous();
        var document = await (await anonymous.GetAsync("/openapi/v1.json")).ExpectAsync(HttpStatusCode.OK);

        foreach (var (method, path, _, needed) in Table)
        {
            var template = Templates.Single(t => Matches(t, path));
            var operation = document["paths"]![template]![method.ToLowerInvariant()]!;
            Assert.Equal(needed, operation["x-required-role"]?.GetValue<string>());
            Assert.Contains($"{needed} role", operation["description"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.NotNull(operation["responses"]!["403"]);
        }
    }

    private static readonly string[] Templates =
    [
        "/api/jobs", "/api/jobs/{id}", "/api/jobs/{id}/runs", "/api/jobs/{id}/pause", "/api/jobs/{id}/resume", "/api/jobs/{id}/trigger",
        "/api/runs", "/api/runs/{jobId}/{runId}", "/api/runs/{jobId}/{runId}/cancel", "/api/config", "/api/stats", "/api/stats/history",
        "/api/poison", "/api/poison/{messageId}", "/api/poison/{messageId}/requeue", "/api/connections", "/api/connections/{name}", "/api/schedules/preview",
        "/api/audit", "/api/jobs/{id}/audit", "/api/jobs/{id}/tokens", "/api/jobs/{id}/tokens/{tokenId}",
    ];

    private static bool Matches(string template, string path)
    {
        var t = template.Split('/');
        var p = path.Split('/');
        return t.Length == p.Length && t.Zip(p).All(x => x.First.StartsWith('{') || x.First == x.Second);
    }

    private static async Task<bool> IsRoleRefusalAsync(HttpResponseMessage response, string needed, string role)
    {
        if (response.StatusCode != HttpStatusCode.Forbidden)
        {
            return false;
        }

        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return problem["requiredRole"]?.GetValue<string>() == needed
            && problem["keyRole"]?.GetValue<string>() == role
            && problem["title"]!.GetValue<string>().Contains(needed, StringComparison.Ordinal)
            && response.Content.Headers.ContentType?.MediaType == "application/problem+json";
    }

    private HttpClient Client(string key)
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }
}
