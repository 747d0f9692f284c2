using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Scheduler.Api.Tests.Support;

namespace Scheduler.Api.Tests;

/// <summary>Malformed and hostile requests. Each must get its problem and leave the store exactly as it was.</summary>
public static class BadInputCases
{
    private const string Jobs = "/api/jobs";
    private const string Seed = "/api/jobs/" + ApiFixture.SeedJob;
    private static readonly HttpMethod Post = HttpMethod.Post;
    private static readonly HttpMethod Put = HttpMethod.Put;
    private static readonly HttpMethod Get = HttpMethod.Get;
    private static readonly HttpMethod Delete = HttpMethod.Delete;

    private static readonly IReadOnlyDictionary<string, string> StaleETag = new Dictionary<string, string> { ["If-Match"] = "W/\"datetime'2001-01-01T00%3A00%3A00Z'\"" };
    private static readonly IReadOnlyDictionary<string, string> MadeUpETag = new Dictionary<string, string> { ["If-Match"] = "\"made-up\"" };

    // Declared after the fields it uses: static fields initialise in order.
    public static readonly IReadOnlyDictionary<string, BadInput> All = Build().ToDictionary(c => c.Name, StringComparer.Ordinal);

    public static TheoryData<string> Names => new(All.Keys);

    /// <summary>A valid new job that the cases below break one way each.</summary>
    public static JsonObject Valid() => JobBodies.Http("fresh-job", "https://example.test/hook", JobBodies.FarFuture());

    private static IEnumerable<BadInput> Build()
    {
        // Syntax
        yield return Raw("broken-json-truncated", Post, Jobs, """{"id":"fresh-job","target":""", HttpStatusCode.BadRequest);
        yield return Raw("broken-json-in-string", Post, Jobs, """{"id":"fresh-job","target":{"type":"http","url":"https://example.test"},"schedule":{"kind":"Cron","cron":"* * *""", HttpStatusCode.BadRequest, "schedule.cron");
        yield return Raw("broken-json-trailing-comma", Post, Jobs, """{"id":"fresh-job",}""", HttpStatusCode.BadRequest);
        yield return Raw("empty-body", Post, Jobs, "", HttpStatusCode.BadRequest);
        yield return Raw("null-body", Post, Jobs, "null", HttpStatusCode.BadRequest, "");
        yield return Raw("array-body", Post, Jobs, "[]", HttpStatusCode.BadRequest, "");
        yield return Raw("duplicate-id", Post, Jobs, """{"id":"fresh-job","id":"other-job","target":{"type":"http","url":"https://example.test"},"schedule":{"kind":"Once","delay":"00:00:01"}}""", HttpStatusCode.BadRequest, "id");
        yield return new BadInput("invalid-utf8", Post, Jobs, [.. Encoding.UTF8.GetBytes("""{"id":"fresh"""), 0xFF, 0xFE, .. Encoding.UTF8.GetBytes("\"}")], HttpStatusCode.BadRequest, "id");
        yield return Raw("deep-nesting", Post, Jobs, "{\"id\":\"fresh-job\",\"x\":" + new string('[', 200) + new string(']', 200) + "}", HttpStatusCode.BadRequest);

        // Media type and size
        yield return Raw("content-type-text", Post, Jobs, Valid().ToJsonString(), HttpStatusCode.UnsupportedMediaType, contentType: "text/plain");
        yield return Raw("content-type-xml", Post, Jobs, "<job/>", HttpStatusCode.UnsupportedMediaType, contentType: "application/xml");
        yield return Raw("content-type-missing", Post, Jobs, Valid().ToJsonString(), HttpStatusCode.UnsupportedMediaType, contentType: null);
        yield return Raw("content-type-latin1", Post, Jobs, Valid().ToJsonString(), HttpStatusCode.UnsupportedMediaType, contentType: "application/json; charset=iso-8859-1");
        yield return Raw("content-type-form", Put, "/api/config", "defaultLaneConcurrency=1", HttpStatusCode.UnsupportedMediaType, contentType: "application/x-www-form-urlencoded");
        yield return Raw("body-too-big", Post, Jobs, Valid().With("name", new string('x', 300 * 1024)).ToJsonString(), HttpStatusCode.RequestEntityTooLarge);
        yield return Raw("body-too-big-chunked", Post, Jobs, Valid().With("name", new string('x', 300 * 1024)).ToJsonString(), HttpStatusCode.RequestEntityTooLarge) with { Chunked = true };
        yield return Raw("body-too-big-config", Put, "/api/config", "{\"lanes\":{" + string.Join(",", Enumerable.Range(0, 20_000).Select(i => $"\"lane-{i}\":1")) + "}}", HttpStatusCode.RequestEntityTooLarge);

        // Authentication (a valid body: only the key is wrong)
        yield return Raw("missing-key", Post, Jobs, Valid().ToJsonString(), HttpStatusCode.Unauthorized) with { Key = null };
        yield return Raw("wrong-key", Post, Jobs, Valid().ToJsonString(), HttpStatusCode.Unauthorized) with { Key = "not-the-key" };
        yield return Raw("key-prefix-only", Put, Seed, Valid().With("id", ApiFixture.SeedJob).ToJsonString(), HttpStatusCode.Unauthorized) with { Key = SchedulerApp.ApiKey[..8] };
        yield return Raw("wrong-key-delete", Delete, Seed, "", HttpStatusCode.Unauthorized) with { Key = "" };

        // Fields: shape and types
        yield return Mutated("unknown-field", j => j["bogus"] = 1, "bogus");
        yield return Mutated("misspelled-field", j => { j["shedule"] = j["schedule"]!.DeepClone(); j.Remove("schedule"); }, "shedule");
        yield return Mutated("unknown-nested-field", j => j["target"]!["verb"] = "POST", "target.verb");
        yield return Mutated("missing-id", j => j.Remove("id"), "id");
        yield return Mutated("missing-target-type", j => j["target"]!.AsObject().Remove("type"), "target.type");
        yield return Mutated("unknown-target-type", j => j["target"]!["type"] = "ftp", "target.type");
        yield return Mutated("priority-wrong-type", j => j["priority"] = "high", "priority");
        yield return Mutated("timeout-number", j => j["timeout"] = 30, "timeout");
        yield return Mutated("tags-not-array", j => j["tags"] = "a,b", "tags");
        yield return Mutated("metadata-number-value", j => j["metadata"] = new JsonObject { ["team"] = 7 }, "metadata.team");
        yield return Mutated("tags-null", j => j["tags"] = null, "tags");
        yield return Mutated("headers-null", j => j["target"]!["headers"] = null, "target.headers");
        yield return Mutated("target-null", j => j["target"] = null, "target");
        yield return Raw("config-lanes-null", Put, "/api/config", """{"lanes":null}""", HttpStatusCode.BadRequest, "lanes");
        yield return Mutated("connection-lookup-with-slash", j => j["target"] = new JsonObject { ["type"] = "ssh", ["connection"] = "../x", ["commands"] = new JsonArray("uptime") }, "target.connection");
        yield return Mutated("schedule-kind-unknown", j => j["schedule"]!["kind"] = "Weekly", "schedule.kind");

        // Fields: values
        yield return Mutated("unknown-time-zone", j => j["schedule"]!["timeZone"] = "Mars/Olympus_Mons", "schedule.timeZone");
        yield return Mutated("cron-7-fields", j => j["schedule"]!["cron"] = "0 0 12 * * ? 2030", "schedule.cron");
        yield return Mutated("cron-garbage", j => j["schedule"]!["cron"] = "every day at noon", "schedule.cron");
        yield return Mutated("url-private-10", j => j["target"]!["url"] = "http://10.0.0.1/hook", "target.url");
        yield return Mutated("url-metadata-endpoint", j => j["target"]!["url"] = "http://169.254.169.254/latest/meta-data", "target.url");
        yield return Mutated("url-file-scheme", j => j["target"]!["url"] = "file:///etc/passwd", "target.url");
        yield return Mutated("url-with-credentials", j => j["target"]!["url"] = "https://user:secret@example.test/hook", "target.url");
        yield return Mutated("header-injection-crlf", j => j["target"]!["headers"] = new JsonObject { ["X-Note"] = "a\r\nX-Injected: 1" }, "target.headers.X-Note");
        yield return Mutated("header-reserved-host", j => j["target"]!["headers"] = new JsonObject { ["Host"] = "internal.example" }, "target.headers.Host");
        yield return Mutated("negative-timeout", j => j["timeout"] = "-00:00:05", "timeout");
        yield return Mutated("timeout-too-long", j => j["timeout"] = "07:00:00", "timeout");
        yield return Mutated("priority-10", j => j["priority"] = 10, "priority");
        yield return Mutated("priority-negative", j => j["priority"] = -1, "priority");
        yield return Mutated("retry-0", j => j["retry"] = new JsonObject { ["maxAttempts"] = 0 }, "retry.maxAttempts");
        yield return Mutated("retry-negative-interval", j => j["retry"] = new JsonObject { ["firstInterval"] = "-00:00:01" }, "retry.firstInterval");
        yield return Mutated("id-with-slash", j => j["id"] = "a/b", "id");
        yield return Mutated("id-with-hash", j => j["id"] = "a#b", "id");
        yield return Mutated("id-with-control-char", j => j["id"] = "a\u0001b", "id");
        yield return Mutated("id-too-long", j => j["id"] = new string('a', 129), "id");
        yield return Mutated("lane-with-space", j => j["lane"] = "my lane", "lane");
        yield return Mutated("tag-with-space", j => j["tags"] = new JsonArray("ok", "not ok"), "tags");
        yield return Mutated("notify-on-unknown", j => j["notify"] = new JsonArray(new JsonObject { ["on"] = "Sometimes", ["url"] = "https://example.test/n" }), "notify[0].on");
        yield return Mutated("notify-url-relative", j => j["notify"] = new JsonArray(new JsonObject { ["on"] = "Failed", ["url"] = "/hooks/n" }), "notify[0].url");
        yield return Mutated("notify-url-ftp", j => j["notify"] = new JsonArray(new JsonObject { ["on"] = "Ended", ["url"] = "https://example.test/ok" }, new JsonObject { ["on"] = "Failed", ["url"] = "ftp://example.test/n" }), "notify[1].url");
        yield return Mutated("notify-url-credentials", j => j["notify"] = new JsonArray(new JsonObject { ["on"] = "Failed", ["url"] = "https://user:pw@example.test/n" }), "notify[0].url");
        yield return Mutated("notify-too-many", j => j["notify"] = new JsonArray([.. Enumerable.Range(0, 6).Select(i => (JsonNode)new JsonObject { ["url"] = $"https://example.test/{i}" })]), "notify");
        yield return Mutated("notify-null", j => j["notify"] = null, "notify");
        yield return Mutated("command-target-disabled", j => j["target"] = new JsonObject { ["type"] = "command", ["program"] = "/bin/sh", ["args"] = new JsonArray("-c", "id") }, "target.type");
        yield return Mutated("once-at-and-delay", j => j["schedule"] = new JsonObject { ["kind"] = "Once", ["at"] = "2030-01-01T00:00:00Z", ["delay"] = "00:00:01" }, "schedule.at");
        yield return Mutated("interval-zero", j => j["schedule"] = JobBodies.Interval("00:00:00"), "schedule.interval");
        yield return Mutated("existing-id", j => j["id"] = ApiFixture.SeedJob, null, HttpStatusCode.Conflict);
        yield return Raw("idempotency-key-too-long", Post, Jobs, Valid().ToJsonString(), HttpStatusCode.BadRequest, "Idempotency-Key")
            with { Headers = new Dictionary<string, string> { ["Idempotency-Key"] = new string('k', 300) } };

        // Parameters and placeholders (an unknown placeholder names the field it is in)
        yield return Mutated("placeholder-unknown-in-body", j => j["target"]!["body"] = "{\"file\": \"{{params.file}}\"}", "target.body");
        yield return Mutated("placeholder-unknown-in-url", j => j["target"]!["url"] = "https://example.test/hook/{{run.ident}}", "target.url");
        yield return Mutated("placeholder-unknown-in-header", j => j["target"]!["headers"] = new JsonObject { ["X-Run"] = "{{run}}" }, "target.headers.X-Run");
        yield return Mutated("placeholder-in-host", j =>
        {
            j["parameters"] = new JsonArray(new JsonObject { ["name"] = "host" });
            j["target"]!["url"] = "https://example.test{{params.host}}/hook";
        }, "target.url");
        yield return Mutated("parameter-name-bad", j => j["parameters"] = new JsonArray(new JsonObject { ["name"] = "1st file" }), "parameters[0].name");
        yield return Mutated("parameter-declared-twice", j => j["parameters"] = new JsonArray(new JsonObject { ["name"] = "a" }, new JsonObject { ["name"] = "a" }), "parameters[1].name");
        yield return Mutated("parameter-default-too-long", j => j["parameters"] = new JsonArray(new JsonObject { ["name"] = "a", ["default"] = new string('x', 1025) }), "parameters[0].default");
        yield return Raw("trigger-undeclared-parameter", Post, Seed + "/trigger", """{"parameters":{"nope":"1"}}""", HttpStatusCode.BadRequest, "parameters.nope")
            with { Headers = new Dictionary<string, string> { ["Idempotency-Key"] = "undeclared-1" } };
        yield return Raw("trigger-parameter-object", Post, Seed + "/trigger", """{"parameters":{"nope":{"a":1}}}""", HttpStatusCode.BadRequest, "parameters.nope");
        yield return Raw("trigger-unknown-field", Post, Seed + "/trigger", """{"params":{}}""", HttpStatusCode.BadRequest, "params");
        yield return Raw("trigger-null-body", Post, Seed + "/trigger", "null", HttpStatusCode.BadRequest, "");
        yield return Raw("trigger-idempotency-key-bad", Post, Seed + "/trigger", null, HttpStatusCode.BadRequest, "Idempotency-Key")
            with { Headers = new Dictionary<string, string> { ["Idempotency-Key"] = new string('k', 300) } };

        // Ids in the path
        yield return Raw("path-id-encoded-slash", Get, "/api/jobs/a%2Fb", null, HttpStatusCode.BadRequest, "id");
        yield return Raw("path-id-encoded-hash", Get, "/api/jobs/a%23b", null, HttpStatusCode.BadRequest, "id");
        yield return Raw("path-id-encoded-space-delete", Delete, "/api/jobs/bad%20id", null, HttpStatusCode.BadRequest, "id");
        yield return Raw("path-id-dot-dot", Post, "/api/jobs/..%2F..%2Fconfig/pause", null, HttpStatusCode.BadRequest, "id");
        yield return Raw("path-id-raw-slash", Get, "/api/jobs/a/b/c/d", null, HttpStatusCode.NotFound);
        yield return Raw("path-run-id-malformed", Get, Seed.Replace("jobs", "runs", StringComparison.Ordinal) + "/not-a-run", null, HttpStatusCode.BadRequest, "runId");
        yield return Raw("path-run-of-other-job", Post, "/api/runs/seed/other:0638000000000000000/cancel", null, HttpStatusCode.BadRequest, "runId");
        yield return Raw("path-connection-encoded-slash", Get, "/api/connections/a%2Fb", null, HttpStatusCode.BadRequest, "name");
        yield return Raw("replace-id-differs", Put, Seed, Valid().ToJsonString(), HttpStatusCode.BadRequest, "id");

        // Preconditions and missing resources
        yield return Raw("replace-stale-etag", Put, Seed, Valid().With("id", ApiFixture.SeedJob).With("priority", 1).ToJsonString(), HttpStatusCode.PreconditionFailed)
            with { Headers = StaleETag };
        yield return Raw("delete-runs-unknown", Delete, Seed + "?runs=all", null, HttpStatusCode.BadRequest, "runs");
        yield return Raw("delete-stale-etag", Delete, Seed, null, HttpStatusCode.PreconditionFailed) with { Headers = StaleETag };
        yield return Raw("delete-made-up-etag", Delete, Seed, null, HttpStatusCode.PreconditionFailed) with { Headers = MadeUpETag };
        yield return Raw("replace-made-up-etag", Put, Seed, Valid().With("id", ApiFixture.SeedJob).ToJsonString(), HttpStatusCode.PreconditionFailed) with { Headers = MadeUpETag };
        yield return Raw("pause-made-up-etag", Post, Seed + "/pause", null, HttpStatusCode.PreconditionFailed) with { Headers = MadeUpETag };
        yield return Raw("config-made-up-etag", Put, "/api/config", """{"defaultLaneConcurrency":4}""", HttpStatusCode.PreconditionFailed) with { Headers = MadeUpETag };
        yield return Raw("pause-stale-etag", Post, Seed + "/pause", null, HttpStatusCode.PreconditionFailed) with { Headers = StaleETag };
        yield return Raw("config-stale-etag", Put, "/api/config", """{"defaultLaneConcurrency":4}""", HttpStatusCode.PreconditionFailed) with { Headers = StaleETag };
        yield return Raw("missing-job", Get, "/api/jobs/no-such-job", null, HttpStatusCode.NotFound);
        yield return Raw("trigger-missing-job", Post, "/api/jobs/no-such-job/trigger", null, HttpStatusCode.NotFound);
        yield return Raw("cancel-missing-run", Post, "/api/runs/seed/seed:0638000000000000000/cancel", null, HttpStatusCode.NotFound);
        yield return Raw("method-not-allowed", HttpMethod.Patch, Jobs, "{}", HttpStatusCode.MethodNotAllowed);

        // Listing parameters
        yield return Raw("limit-zero", Get, "/api/jobs?limit=0", null, HttpStatusCode.BadRequest, "limit");
        yield return Raw("limit-too-big", Get, "/api/jobs?limit=201", null, HttpStatusCode.BadRequest, "limit");
        yield return Raw("limit-not-a-number", Get, "/api/jobs/seed/runs?limit=ten", null, HttpStatusCode.BadRequest, "limit");
        yield return Raw("status-unknown", Get, "/api/jobs?status=Sleeping", null, HttpStatusCode.BadRequest, "status");
        yield return Raw("continuation-garbage", Get, "/api/jobs?continuation=%25%25%25", null, HttpStatusCode.BadRequest, "continuation");

        // Config, preview, connections
        yield return Raw("config-budget-too-big", Put, "/api/config", """{"defaultLaneConcurrency":1001}""", HttpStatusCode.BadRequest, "defaultLaneConcurrency");
        yield return Raw("config-budget-negative", Put, "/api/config", """{"lanes":{"batch":-1}}""", HttpStatusCode.BadRequest, "lanes.batch");
        yield return Raw("config-lane-name-bad", Put, "/api/config", """{"lanes":{"bad lane":1}}""", HttpStatusCode.BadRequest, "lanes.bad lane");
        yield return Raw("config-unknown-field", Put, "/api/config", """{"maxConcurrency":5}""", HttpStatusCode.BadRequest, "maxConcurrency");
        yield return Raw("preview-count-101", Post, "/api/schedules/preview", """{"schedule":{"kind":"Cron","cron":"* * * * *"},"count":101}""", HttpStatusCode.BadRequest, "count");
        yield return Raw("preview-bad-zone", Post, "/api/schedules/preview", """{"schedule":{"kind":"Cron","cron":"0 9 * * *","timeZone":"Europe/Atlantis"}}""", HttpStatusCode.BadRequest, "schedule.timeZone");
        yield return Raw("preview-cron-7-fields", Post, "/api/schedules/preview", """{"schedule":{"kind":"Cron","cron":"0 0 9 * * * 2030"}}""", HttpStatusCode.BadRequest, "schedule.cron");
        yield return Connection("connection-private-key", c => c["secretRef"] = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----", "secretRef");
        yield return Connection("connection-private-key-in-host", c => c["host"] = "RSA PRIVATE KEY", "host");
        yield return Connection("connection-password-field", c => c["password"] = "hunter2", "password");
        yield return Connection("connection-port-out-of-range", c => c["port"] = 70000, "port");
        yield return Connection("connection-bad-fingerprint", c => c["hostKeyFingerprint"] = "MD5:aa:bb", "hostKeyFingerprint");
        yield return Connection("connection-unknown-secret", c => c["secretRef"] = "no-such-secret", "secretRef");
        yield return Mutated("ssh-job-missing-profile", j => j["target"] = SshTarget(t => t["connection"] = "no-such-profile"), "target.connection");
        yield return Mutated("ssh-job-private-key-in-body", j => j["target"] = SshTarget(t =>
        {
            t["host"] = "ssh.example.test";
            t["user"] = "deploy";
            t["secretRef"] = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----";
            t["hostKeyFingerprint"] = "SHA256:" + new string('A', 43);
        }), "target.secretRef");
        yield return Connection("connection-exists", c => c["name"] = ApiFixture.SeedConnection, null, HttpStatusCode.Conflict);
    }

    private static BadInput Raw(string name, HttpMethod method, string path, string? body, HttpStatusCode status, string? field = null, string? contentType = "application/json") =>
        new(name, method, path, body is null ? null : Encoding.UTF8.GetBytes(body), status, field, body is null ? null : contentType);

    private static BadInput Mutated(string name, Action<JsonObject> mutate, string? field, HttpStatusCode status = HttpStatusCode.BadRequest)
    {
        var body = Valid();
        mutate(body);
        return Raw(name, Post, Jobs, body.ToJsonString(), status, field);
    }

    private static JsonObject SshTarget(Action<JsonObject> fill)
    {
        var target = new JsonObject { ["type"] = "ssh", ["commands"] = new JsonArray("uptime") };
        fill(target);
        return target;
    }

    private static BadInput Connection(string name, Action<JsonObject> mutate, string? field, HttpStatusCode status = HttpStatusCode.BadRequest)
    {
        var body = ConnectionTests.Profile("fresh-conn");
        mutate(body);
        return Raw(name, Post, "/api/connections", body.ToJsonString(), status, field);
    }
}
