using System.Text.Json.Nodes;

namespace Scheduler.Api.Tests.Support;

/// <summary>Job bodies as raw JSON, so tests can send exactly what a client would (including what it should not).</summary>
public static class JobBodies
{
    public static JsonObject Http(string id, string url, JsonObject schedule) => new()
    {
        ["id"] = id,
        ["target"] = new JsonObject { ["type"] = "http", ["url"] = url },
        ["schedule"] = schedule,
    };

    public static JsonObject Once(string delay = "00:00:00") => new() { ["kind"] = "Once", ["delay"] = delay };

    public static JsonObject Interval(string interval) => new() { ["kind"] = "Interval", ["interval"] = interval };

    public static JsonObject Cron(string cron, string? timeZone = null)
    {
        var schedule = new JsonObject { ["kind"] = "Cron", ["cron"] = cron };
        if (timeZone is not null)
        {
            schedule["timeZone"] = timeZone;
        }

        return schedule;
    }

    /// <summary>Once a year on 1 January: never due while a test runs.</summary>
    public static JsonObject FarFuture() => Cron("0 0 1 1 *", "UTC");

    public static JsonObject With(this JsonObject body, string name, JsonNode? value)
    {
        body[name] = value;
        return body;
    }

    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];
}
