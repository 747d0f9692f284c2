using System.Net;
using System.Text.Json.Nodes;
using Scheduler.Api.Tests.Support;

namespace Scheduler.Api.Tests;

[Collection(ApiDefinition.Name)]
public sealed class ConnectionTests(ApiFixture fixture)
{
    public static JsonObject Profile(string name) => new()
    {
        ["name"] = name,
        ["host"] = "ssh.example.test",
        ["user"] = "deploy",
        ["secretRef"] = "ssh-deploy-key",
        ["hostKeyFingerprint"] = "SHA256:" + new string('A', 43),
    };

    [Fact]
    public async Task Connections_CreateReadReplaceDelete_RoundTrip()
    {
        using var client = fixture.App.Api();
        var name = JobBodies.Unique("conn");

        var created = await client.PostJsonAsync("/api/connections", Profile(name));
        await created.ExpectAsync(HttpStatusCode.Created);
        var read = await client.GetAsync($"/api/connections/{name}");
        var profile = await read.ExpectAsync(HttpStatusCode.OK);
        var replaced = await client.PutJsonAsync($"/api/connections/{name}", Profile(name).With("port", 2222), new Dictionary<string, string> { ["If-Match"] = HttpHelpers.ETagOf(read) });
        var listed = await (await client.GetAsync("/api/connections")).ExpectAsync(HttpStatusCode.OK);
        var deleted = await client.SendAsync(HttpMethod.Delete, $"/api/connections/{name}");

        Assert.Equal($"/api/connections/{name}", created.Headers.Location?.OriginalString);
        Assert.Equal("ssh-deploy-key", profile["secretRef"]!.GetValue<string>());
        Assert.Equal(2222, (await replaced.ExpectAsync(HttpStatusCode.OK))["port"]!.GetValue<int>());
        Assert.Contains(listed["items"]!.AsArray(), p => p!["name"]!.GetValue<string>() == name);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await (await client.GetAsync($"/api/connections/{name}")).ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Preview_CronInParis_GivesUtcAndLocalTimes()
    {
        using var client = fixture.App.Api();
        var body = new JsonObject { ["schedule"] = JobBodies.Cron("0 9 * * *", "Europe/Paris"), ["count"] = 3, ["fromUtc"] = "2030-01-01T00:00:00Z" };

        var preview = await (await client.PostJsonAsync("/api/schedules/preview", body)).ExpectAsync(HttpStatusCode.OK);

        var occurrences = preview["occurrences"]!.AsArray();
        Assert.Equal(3, occurrences.Count);
        Assert.Equal(new DateTimeOffset(2030, 1, 1, 8, 0, 0, TimeSpan.Zero), occurrences[0]!["utc"]!.GetValue<DateTimeOffset>());
        Assert.EndsWith("09:00:00+01:00", occurrences[0]!["local"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
