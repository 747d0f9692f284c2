using System.Globalization;
using Xunit.Abstractions;
using System.Net;
using System.Text.Json.Nodes;
using Scheduler.Api.Tests.Support;
using Scheduler.Core.Validation;
using Scheduler.Storage;

namespace Scheduler.Api.Tests.Fuzz;

/// <summary>Mutation fuzz of every write endpoint over real sockets: thousands of bodies derived from valid ones. Never a 5xx,
/// never a dropped connection; every accepted body reads back; a refused one is a problem naming a field and writes nothing.
/// The seed is fixed (set SCHEDULER_FUZZ_SEED to explore others), so a failure names a body that reproduces.</summary>
[Collection(ApiDefinition.Name)]
public sealed class WriteEndpointFuzzTests(ApiFixture fixture, ITestOutputHelper output)
{
    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("SCHEDULER_FUZZ_SEED"), CultureInfo.InvariantCulture, out var s) ? s : 20261130;

    [Fact]
    public async Task CreateJob_MutatedBodies_NeverFailAndWriteOnlyWhatTheyAccept()
    {
        await using var server = await FuzzServer.StartAsync(fixture);
        var tally = new FuzzTally("POST /api/jobs");
        var created = new SortedSet<string>(StringComparer.Ordinal);

        var i = 0;
        foreach (var body in Bodies(FuzzSeeds.Jobs(), "id", 1000))
        {
            var json = WithName(body, $"fz{i++}");
            if (await tally.SendAsync(server.Client, HttpMethod.Post, "/api/jobs", json) is not { } sent)
            {
                continue;
            }

            var id = IdIn(JsonNode.Parse(json, documentOptions: FuzzTally.Deep), "id");
            if (sent.Response.IsSuccessStatusCode)
            {
                id = JsonNode.Parse(sent.Text)!["id"]!.GetValue<string>();
                created.Add(id);
                await ExpectReadableAsync(tally, server.Client, $"/api/jobs/{id}", json);
            }
            else if (id is not null && !created.Contains(id))
            {
                await ExpectAbsentAsync(tally, server.Client, $"/api/jobs/{id}", json);
            }
        }

        Assert.Equal(created, await server.KeysAsync(TableNames.Jobs));
        Report(tally).AssertClean(5000);
    }

    [Fact]
    public async Task ReplaceJob_MutatedBodies_NeverFailAndChangeNothingWhenRefused()
    {
        await using var server = await FuzzServer.StartAsync(fixture);
        var seeds = FuzzSeeds.Jobs().Select((seed, k) => Named(seed, "id", $"fr{k}")).ToList();
        foreach (var seed in seeds)
        {
            await (await server.Client.PostJsonAsync("/api/jobs", seed)).ExpectAsync(HttpStatusCode.Created);
        }

        await FuzzReplaceAsync(server, new FuzzTally("PUT /api/jobs/{id}"), 1000, seeds, "id", k => $"/api/jobs/fr{k}");
    }

    [Fact]
    public async Task PutConfig_MutatedBodies_NeverFailAndChangeNothingWhenRefused()
    {
        await using var server = await FuzzServer.StartAsync(fixture, pauseDispatch: false);
        await (await server.Client.PutJsonAsync("/api/config", FuzzSeeds.Config())).ExpectAsync(HttpStatusCode.OK);
        await FuzzReplaceAsync(server, new FuzzTally("PUT /api/config"), 700, [FuzzSeeds.Config()], null, _ => "/api/config");
    }

    [Fact]
    public async Task Connections_MutatedBodies_NeverFailAndWriteOnlyWhatTheyAccept()
    {
        await using var server = await FuzzServer.StartAsync(fixture);
        var tally = new FuzzTally("POST /api/connections");
        var created = new SortedSet<string>(StringComparer.Ordinal) { FuzzSeeds.Connection };
        var i = 0;
        foreach (var body in Bodies([FuzzSeeds.Profile(Placeholder)], "name", 500))
        {
            var json = WithName(body, $"fc{i++}");
            if (await tally.SendAsync(server.Client, HttpMethod.Post, "/api/connections", json) is not { } sent)
            {
                continue;
            }

            var name = IdIn(JsonNode.Parse(json, documentOptions: FuzzTally.Deep), "name");
            if (sent.Response.IsSuccessStatusCode)
            {
                name = JsonNode.Parse(sent.Text)!["name"]!.GetValue<string>();
                created.Add(name);
                await ExpectReadableAsync(tally, server.Client, $"/api/connections/{name}", json);
            }
            else if (name is not null && !created.Contains(name))
            {
                await ExpectAbsentAsync(tally, server.Client, $"/api/connections/{name}", json);
            }
        }

        Assert.Equal(created, await server.KeysAsync(TableNames.Connections));
        Report(tally).AssertClean(800);

        var profiles = Enumerable.Range(0, 3).Select(k => FuzzSeeds.Profile($"fx{k}")).ToList();
        foreach (var profile in profiles)
        {
            await (await server.Client.PostJsonAsync("/api/connections", profile)).ExpectAsync(HttpStatusCode.Created);
        }

        await FuzzReplaceAsync(server, new FuzzTally("PUT /api/connections/{name}"), 700, profiles, "name", k => $"/api/connections/fx{k}");
    }

    /// <summary>PUTs mutations of <paramref name="seeds"/>[k] to <paramref name="pathOf"/>(k): accepted ones read back as
    /// answered, refused ones leave the resource's ETag as it was.</summary>
    private async Task FuzzReplaceAsync(FuzzServer server, FuzzTally tally, int count, List<JsonObject> seeds, string? idField, Func<int, string> pathOf)
    {
        var bodies = seeds.Select((seed, k) => JsonMutator.Exhaustive(seed).Select(body => (k, body))).SelectMany(b => b).ToList();
        var mutator = new JsonMutator(Seed + 1);
        bodies.AddRange(Enumerable.Range(0, count).Select(i => (i % seeds.Count, mutator.Mutate(seeds[i % seeds.Count]))));
        foreach (var (k, body) in bodies)
        {
            var path = pathOf(k);
            var before = await server.Client.GetAsync(path);
            var etag = HttpHelpers.ETagOf(before);
            var json = body?.ToJsonString() ?? "null";
            if (await tally.SendAsync(server.Client, HttpMethod.Put, path, json) is not { } sent)
            {
                continue;
            }

            if (sent.Response.IsSuccessStatusCode)
            {
                var read = await ExpectReadableAsync(tally, server.Client, path, json);
                if (read is not null && idField is null && !JsonNode.DeepEquals(Without(read, "etag"), Without(JsonNode.Parse(sent.Text), "etag")))
                {
                    tally.Break(json, $"read back differs from the answer: {read.ToJsonString()} vs {sent.Text}");
                }
            }
            else
            {
                using var after = await server.Client.GetAsync(path);
                if (HttpHelpers.ETagOf(after) != etag)
                {
                    tally.Break(json, $"refused with {(int)sent.Response.StatusCode} but {path} changed");
                }
            }
        }

        Report(tally).AssertClean(bodies.Count);
    }

    private FuzzTally Report(FuzzTally tally)
    {
        output.WriteLine($"{tally.Endpoint}: {tally.Summary()} (seed {Seed})");
        return tally;
    }

    private static async Task<JsonNode?> ExpectReadableAsync(FuzzTally tally, HttpClient client, string path, string body)
    {
        using var read = await client.GetAsync(path);
        var text = await read.Content.ReadAsStringAsync();
        if (read.StatusCode != HttpStatusCode.OK)
        {
            tally.Break(body, $"accepted, but GET {path} answered {(int)read.StatusCode}: {text}");
            return null;
        }

        return JsonNode.Parse(text);
    }

    private static async Task ExpectAbsentAsync(FuzzTally tally, HttpClient client, string path, string body)
    {
        using var read = await client.GetAsync(path);
        if (read.StatusCode != HttpStatusCode.NotFound)
        {
            tally.Break(body, $"refused, but GET {path} answered {(int)read.StatusCode}");
        }
    }

    private static string? IdIn(JsonNode? body, string field) =>
        body is JsonObject obj && obj.TryGetPropertyValue(field, out var value) && value is JsonValue v && v.TryGetValue<string>(out var id) && Identifiers.IsValidId(id) ? id : null;

    private const string Placeholder = "fuzz-placeholder";

    /// <summary>Every single-field variant of each seed (<see cref="JsonMutator.Exhaustive"/>), then <paramref name="random"/>
    /// bodies with one to three random mutations; <paramref name="idField"/> holds <see cref="Placeholder"/> where the mutation left it.</summary>
    private static IEnumerable<JsonNode?> Bodies(IReadOnlyList<JsonObject> seeds, string idField, int random)
    {
        var named = seeds.Select(seed => Named(seed, idField, Placeholder)).ToList();
        foreach (var seed in named)
        {
            foreach (var body in JsonMutator.Exhaustive(seed))
            {
                yield return body;
            }
        }

        var mutator = new JsonMutator(Seed);
        for (var i = 0; i < random; i++)
        {
            yield return mutator.Mutate(named[i % named.Count]);
        }
    }

    /// <summary>The body as JSON, with the placeholder id (where the mutation left it) replaced by <paramref name="name"/>.</summary>
    private static string WithName(JsonNode? body, string name) =>
        (body?.ToJsonString() ?? "null").Replace($"\"{Placeholder}\"", $"\"{name}\"", StringComparison.Ordinal);

    private static JsonObject Named(JsonObject seed, string field, string name)
    {
        var copy = (JsonObject)seed.DeepClone();
        copy[field] = name;
        return copy;
    }

    private static JsonNode? Without(JsonNode? node, string field)
    {
        if (node is JsonObject obj)
        {
            var copy = (JsonObject)obj.DeepClone();
            copy.Remove(field);
            return copy;
        }

        return node;
    }
}
