using System.Text.Json.Nodes;
using Scheduler.Api.Tests.Support;

namespace Scheduler.Api.Tests.Fuzz;

/// <summary>Valid bodies of every write endpoint, with every optional field set, so that mutations reach every field.</summary>
public static class FuzzSeeds
{
    public const string Connection = "fuzz-conn";

    public static IReadOnlyList<JsonObject> Jobs() =>
    [
        Job(new JsonObject
        {
            ["type"] = "http", ["url"] = "https://example.test/hook", ["method"] = "PUT",
            ["headers"] = new JsonObject { ["X-Team"] = "ops" }, ["body"] = "{\"a\":1}", ["successCodes"] = new JsonArray(200, 204),
        }, JobBodies.FarFuture()),
        Job(new JsonObject { ["type"] = "queue", ["queueName"] = "fuzz-out", ["message"] = "hello" },
            new JsonObject { ["kind"] = "Interval", ["interval"] = "1.00:00:00", ["startUtc"] = "2090-01-01T00:00:00Z", ["endUtc"] = "2095-01-01T00:00:00Z", ["maxOccurrences"] = 10 }),
        Job(new JsonObject
        {
            ["type"] = "command", ["program"] = "/bin/true", ["args"] = new JsonArray("-x", "y"), ["workingDirectory"] = "/tmp",
            ["environment"] = new JsonObject { ["A"] = "b" }, ["useShell"] = false,
        }, new JsonObject { ["kind"] = "Once", ["at"] = "2090-06-01T12:00:00Z" }),
        Job(new JsonObject { ["type"] = "ssh", ["connection"] = Connection, ["commands"] = new JsonArray("uptime", "df -h"), ["continueOnError"] = true, ["commandTimeout"] = "00:01:00" },
            JobBodies.Cron("0 9 * * 1-5", "Europe/Paris")),
        Job(new JsonObject
        {
            ["type"] = "ssh", ["host"] = "ssh.example.test", ["port"] = 2222, ["user"] = "deploy", ["secretRef"] = "ssh-deploy-key",
            ["hostKeyFingerprint"] = "SHA256:" + new string('A', 43), ["commands"] = new JsonArray("uptime"), ["connectTimeout"] = "00:00:05",
        }, JobBodies.Cron("*/30 0 0 1 1 *")),
    ];

    public static JsonObject Config() => new()
    {
        ["defaultLaneConcurrency"] = 16,
        ["lanes"] = new JsonObject { ["reports"] = 2, ["fuzz"] = 0 },
        ["pauseAll"] = false,
    };

    public static JsonObject Profile(string name) => new()
    {
        ["name"] = name, ["host"] = "ssh.example.test", ["port"] = 2022, ["user"] = "deploy", ["secretRef"] = "ssh-deploy-key",
        ["hostKeyFingerprint"] = "SHA256:" + new string('B', 43), ["connectTimeout"] = "00:00:10", ["commandTimeout"] = "00:05:00",
    };

    private static JsonObject Job(JsonObject target, JsonObject schedule) => new()
    {
        ["id"] = "fuzz",
        ["name"] = "Fuzzed job",
        ["target"] = target,
        ["schedule"] = schedule,
        ["priority"] = 7,
        ["retry"] = new JsonObject { ["maxAttempts"] = 4, ["firstInterval"] = "00:00:02", ["coefficient"] = 1.5, ["maxInterval"] = "00:01:00", ["jitter"] = 0.2 },
        ["timeout"] = "00:00:20",
        ["lane"] = "reports",
        ["overlap"] = "Skip",
        ["misfire"] = new JsonObject { ["action"] = "RunAll", ["threshold"] = "00:02:00", ["window"] = "02:00:00" },
        ["tags"] = new JsonArray("nightly", "fuzz"),
        ["metadata"] = new JsonObject { ["owner"] = "ops" },
    };
}
