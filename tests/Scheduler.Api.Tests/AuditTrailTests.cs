using System.Net;
using System.Text.Json.Nodes;
using Scheduler.Api.Tests.Support;
using Scheduler.Core.Audit;
using Scheduler.Core.Ports;
using Scheduler.Core.Retention;
using Scheduler.Testing;

namespace Scheduler.Api.Tests;

/// <summary>The audit trail on a real Server over Azurite: every change endpoint records one entry naming the key (never its
/// value), with before and after, secrets masked; listed across jobs and per job; old entries go with retention.</summary>
[Collection(ApiDefinition.Name)]
public sealed class AuditTrailTests(ApiFixture fixture) : IAsyncLifetime
{
    private const string AdminKey = "audit-admin-key-6e1f0a9c3b7d";
    private const string OperatorKey = "audit-operator-key-2d5b8e1c0f4a";
    private SchedulerApp app = null!;

    public async Task InitializeAsync()
    {
        app = await new SchedulerApp(fixture.Azurite.NewOptions(), new Dictionary<string, string?>
        {
            ["Scheduler:Api:NamedKeys:0:Name"] = "platform",
            ["Scheduler:Api:NamedKeys:0:Key"] = AdminKey,
            ["Scheduler:Api:NamedKeys:0:Role"] = "Admin",
            ["Scheduler:Api:NamedKeys:1:Name"] = "on-call",
            ["Scheduler:Api:NamedKeys:1:Key"] = OperatorKey,
            ["Scheduler:Api:NamedKeys:1:Role"] = "Operator",
        }).StartedAsync();
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task EveryChangeEndpoint_RecordsOneEntry_WithTheKeyNameBeforeAndAfter()
    {
        using var admin = Client(AdminKey);
        using var operatorClient = Client(OperatorKey);
        const string job = "audited";
        var body = JobBodies.Http(job, "https://example.test/hook", JobBodies.FarFuture());
        body["target"]!["headers"] = new JsonObject { ["X-Build-Label"] = "literal-7f3a", ["X-Team"] = "ops" };
        body["target"]!["visibleInExcerpts"] = new JsonArray("X-Team");
        await (await admin.PostJsonAsync("/api/jobs", body)).ExpectAsync(HttpStatusCode.Created);
        await (await admin.PutJsonAsync($"/api/jobs/{job}", body.DeepClone().AsObject().With("name", "renamed"))).ExpectAsync(HttpStatusCode.OK);
        await (await operatorClient.PostAsync($"/api/jobs/{job}/pause", null)).ExpectAsync(HttpStatusCode.OK);
        await (await operatorClient.PostAsync($"/api/jobs/{job}/resume", null)).ExpectAsync(HttpStatusCode.OK);
        await (await operatorClient.PostAsync($"/api/jobs/{job}/trigger", null)).ExpectAsync(HttpStatusCode.Accepted);
        var token = await (await admin.PostJsonAsync($"/api/jobs/{job}/tokens", new JsonObject { ["name"] = "hook" })).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/jobs/{job}/tokens/{token["id"]}")).StatusCode);
        await (await admin.PutJsonAsync("/api/config", new JsonObject { ["lanes"] = new JsonObject { ["default"] = 7 } })).ExpectAsync(HttpStatusCode.OK);
        await (await admin.PostJsonAsync("/api/connections", ConnectionTests.Profile("audit-conn"))).ExpectAsync(HttpStatusCode.Created);
        await (await admin.PutJsonAsync("/api/connections/audit-conn", ConnectionTests.Profile("audit-conn").With("port", 2222))).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/connections/audit-conn")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/jobs/{job}")).StatusCode);

        var response = await admin.GetAsync("/api/audit?limit=200");
        var text = await response.Content.ReadAsStringAsync();
        var entries = JsonNode.Parse(text)!["items"]!.AsArray().Reverse().ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            [
                ("CreateJob", "platform", false, true), ("ReplaceJob", "platform", true, true), ("PauseJob", "on-call", true, true),
                ("ResumeJob", "on-call", true, true), ("CreateTriggerToken", "platform", false, true), ("RevokeTriggerToken", "platform", true, false),
                ("PutConfig", "platform", true, true), ("CreateConnection", "platform", false, true), ("ReplaceConnection", "platform", true, true),
                ("DeleteConnection", "platform", true, false), ("DeleteJob", "platform", true, false),
            ],
            entries.Select(e => (Operation(e), e!["caller"]!.GetValue<string>(), e["before"] is not null, e["after"] is not null)));
        var replaced = entries[1]!;
        Assert.Null(replaced["before"]!["definition"]!["name"]);
        Assert.Equal("renamed", replaced["after"]!["definition"]!["name"]!.GetValue<string>());
        Assert.Equal(7, entries[6]!["after"]!["lanes"]!["default"]!.GetValue<int>());
        Assert.Equal(2222, entries[8]!["after"]!["port"]!.GetValue<int>());
        Assert.Equal("ops", replaced["after"]!["definition"]!["target"]!["headers"]!["X-Team"]!.GetValue<string>());
        Assert.DoesNotContain("literal-7f3a", text, StringComparison.Ordinal);
        Assert.DoesNotContain(token["token"]!.GetValue<string>(), text, StringComparison.Ordinal);
        Assert.DoesNotContain(AdminKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain(OperatorKey, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JobListing_HasTheJobsAndItsTokensEntries_AlsoAfterItWasDeleted()
    {
        using var admin = Client(AdminKey);
        var job = JobBodies.Unique("aud");
        var other = JobBodies.Unique("aud");
        foreach (var id in new[] { job, other })
        {
            await (await admin.PostJsonAsync("/api/jobs", JobBodies.Http(id, "https://example.test/hook", JobBodies.FarFuture()))).ExpectAsync(HttpStatusCode.Created);
        }

        await (await admin.PostJsonAsync($"/api/jobs/{job}/tokens", new JsonObject())).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/jobs/{job}")).StatusCode);

        var ofJob = await (await admin.GetAsync($"/api/jobs/{job}/audit")).ExpectAsync(HttpStatusCode.OK);
        var tokensOnly = await (await admin.GetAsync($"/api/audit?kind=token&caller=platform")).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(["DeleteJob", "CreateTriggerToken", "CreateJob"], ofJob["items"]!.AsArray().Select(Operation));
        Assert.All(tokensOnly["items"]!.AsArray(), e => Assert.Equal("token", e!["entityKind"]!.GetValue<string>()));
        Assert.Contains(tokensOnly["items"]!.AsArray(), e => e!["jobId"]!.GetValue<string>() == job);
    }

    [Fact]
    public async Task Listing_ByPages_EveryEntryOnce()
    {
        using var admin = Client(AdminKey);
        var job = JobBodies.Unique("paged");
        await (await admin.PostJsonAsync("/api/jobs", JobBodies.Http(job, "https://example.test/hook", JobBodies.FarFuture()))).ExpectAsync(HttpStatusCode.Created);
        for (var i = 0; i < 2; i++)
        {
            await (await admin.PostAsync($"/api/jobs/{job}/pause", null)).ExpectAsync(HttpStatusCode.OK);
            await (await admin.PostAsync($"/api/jobs/{job}/resume", null)).ExpectAsync(HttpStatusCode.OK);
        }

        var ids = new List<string>();
        var path = $"/api/jobs/{job}/audit?limit=2";
        for (var pages = 0; path is not null && pages < 10; pages++)
        {
            var page = await (await admin.GetAsync(path)).ExpectAsync(HttpStatusCode.OK);
            ids.AddRange(page["items"]!.AsArray().Select(e => e!["id"]!.GetValue<string>()));
            path = page["continuation"]?.GetValue<string>() is { } next ? $"/api/jobs/{job}/audit?limit=2&continuation={Uri.EscapeDataString(next)}" : null;
        }

        Assert.Equal(5, ids.Distinct().Count());
        Assert.Equal(5, ids.Count);
    }

    [Theory]
    [InlineData("kind=jobs", "kind")]
    [InlineData("since=yesterday", "since")]
    [InlineData("limit=0", "limit")]
    public async Task Listing_BadFilter_400NamingIt(string query, string field)
    {
        using var admin = Client(AdminKey);

        await (await admin.GetAsync($"/api/audit?{query}")).ExpectProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task RetentionPass_RemovesEntriesOlderThanAuditFor_KeepsTheRest()
    {
        using var admin = Client(AdminKey);
        var log = app.Get<IAuditLog>();
        var keptFor = app.Get<RetentionOptions>().AuditFor;
        var now = DateTimeOffset.UtcNow;
        var old = JobBodies.Unique("old");
        var young = JobBodies.Unique("young");
        await log.RecordAsync(new AuditEntry { AtUtc = now - keptFor - TimeSpan.FromDays(2), Caller = "platform", Operation = "PauseJob", EntityKind = AuditKinds.Job, EntityId = old, JobId = old }, CancellationToken.None);
        await log.RecordAsync(new AuditEntry { AtUtc = now - keptFor + TimeSpan.FromDays(2), Caller = "platform", Operation = "PauseJob", EntityKind = AuditKinds.Job, EntityId = young, JobId = young }, CancellationToken.None);

        await app.Get<RetentionPass>().RunAsync(CancellationToken.None);

        var since = Uri.EscapeDataString((now - keptFor - TimeSpan.FromDays(10)).ToString("O"));
        var left = await (await admin.GetAsync($"/api/audit?since={since}&limit=200")).ExpectAsync(HttpStatusCode.OK);
        var ids = left["items"]!.AsArray().Select(e => e!["entityId"]!.GetValue<string>()).ToList();
        Assert.DoesNotContain(old, ids);
        Assert.Contains(young, ids);
    }

    private static string Operation(JsonNode? entry) => entry!["operation"]!.GetValue<string>();

    private HttpClient Client(string key)
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }
}
