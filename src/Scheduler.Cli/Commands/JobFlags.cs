using System.CommandLine;
using System.Text.Json.Nodes;

namespace Scheduler.Cli.Commands;

/// <summary>The flags of <c>jobs create|update</c> for the common HTTP case, applied over a definition's JSON.</summary>
public sealed class JobFlags
{
    public Option<string?> File { get; } = new("--file", "-f") { Description = "A job definition in JSON (the API's shape); '-' reads stdin. Flags override it." };
    public Option<string?> Id { get; } = new("--id") { Description = "The job's id." };
    public Option<string?> Name { get; } = new("--name") { Description = "A name for people." };
    public Option<string?> Url { get; } = new("--url") { Description = "HTTP target: the URL to call." };
    public Option<string?> Method { get; } = new("--method") { Description = "HTTP target: GET, POST (default), PUT, PATCH, DELETE..." };
    public Option<string[]> Headers { get; } = new("--header", "-H") { Description = "HTTP target: a header 'Name: value' (repeatable).", AllowMultipleArgumentsPerToken = false };
    public Option<string?> Body { get; } = new("--body") { Description = "HTTP target: the request body." };
    public Option<string?> Cron { get; } = new("--cron") { Description = "Cron schedule: 5 fields, or 6 with seconds first." };
    public Option<string?> TimeZone { get; } = new("--tz") { Description = "Time zone of the cron schedule (IANA id, UTC by default)." };
    public Option<string?> Every { get; } = new("--every") { Description = "Interval schedule: e.g. 30s, 5m, 1h." };
    public Option<string?> At { get; } = new("--at") { Description = "Once schedule: an ISO-8601 instant, e.g. 2030-01-01T09:00:00Z." };
    public Option<string?> Delay { get; } = new("--delay") { Description = "Once schedule: run this long after creation, e.g. 10m." };
    public Option<string?> Lane { get; } = new("--lane") { Description = "Concurrency lane (default: 'default')." };
    public Option<int?> Priority { get; } = new("--priority") { Description = "0 (lowest) to 9 (highest)." };
    public Option<string?> Timeout { get; } = new("--attempt-timeout") { Description = "Timeout of each attempt, e.g. 30s." };
    public Option<int?> MaxAttempts { get; } = new("--max-attempts") { Description = "Attempts including the first (1 = no retry)." };
    public Option<string[]> Tags { get; } = new("--tag") { Description = "A tag (repeatable)." };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { File, Id, Name, Url, Method, Headers, Body, Cron, TimeZone, Every, At, Delay, Lane, Priority, Timeout, MaxAttempts, Tags })
        {
            command.Add(option);
        }
    }

    /// <summary>The definition from <c>--file</c>, or null when no file was given.</summary>
    public JsonObject? ReadFile(CommandContext ctx) => ctx.Get(File) is { } path ? JobFile.Read(path) : null;

    /// <summary>True when any flag that shapes the definition was given.</summary>
    public bool Any(CommandContext ctx) =>
        new[] { ctx.Get(Id), ctx.Get(Name), ctx.Get(Url), ctx.Get(Method), ctx.Get(Body), ctx.Get(Cron), ctx.Get(TimeZone), ctx.Get(Every), ctx.Get(At), ctx.Get(Delay), ctx.Get(Lane), ctx.Get(Timeout) }.Any(v => v is not null)
        || ctx.Get(Priority) is not null || ctx.Get(MaxAttempts) is not null || (ctx.Get(Headers)?.Length ?? 0) > 0 || (ctx.Get(Tags)?.Length ?? 0) > 0;

    /// <summary>Writes the given flags into <paramref name="definition"/>, leaving everything else as it is.</summary>
    public void Apply(CommandContext ctx, JsonObject definition)
    {
        Set(definition, "id", ctx.Get(Id));
        Set(definition, "name", ctx.Get(Name));
        Set(definition, "lane", ctx.Get(Lane));
        if (ctx.Get(Priority) is { } priority)
        {
            definition["priority"] = priority;
        }

        Set(definition, "timeout", Durations.Parse(ctx.Get(Timeout), "--attempt-timeout"));
        if (ctx.Get(MaxAttempts) is { } attempts)
        {
            var retry = definition["retry"] as JsonObject ?? [];
            retry["maxAttempts"] = attempts;
            definition["retry"] = retry;
        }

        if (ctx.Get(Tags) is { Length: > 0 } tags)
        {
            definition["tags"] = new JsonArray([.. tags.Select(t => (JsonNode)JsonValue.Create(t))]);
        }

        ApplyTarget(ctx, definition);
        ApplySchedule(ctx, definition);
    }

    private void ApplyTarget(CommandContext ctx, JsonObject definition)
    {
        var url = ctx.Get(Url);
        var headers = ctx.Get(Headers) ?? [];
        if (url is null && ctx.Get(Method) is null && ctx.Get(Body) is null && headers.Length == 0)
        {
            return;
        }

        var target = definition["target"] as JsonObject;
        if (target is null || target["type"]?.GetValue<string>() != "http")
        {
            target = new JsonObject { ["type"] = "http" };
            definition["target"] = target;
        }

        Set(target, "url", url);
        Set(target, "method", ctx.Get(Method)?.ToUpperInvariant());
        Set(target, "body", ctx.Get(Body));
        if (headers.Length > 0)
        {
            var map = target["headers"] as JsonObject ?? [];
            foreach (var header in headers)
            {
                var split = header.IndexOfAny([':', '=']);
                if (split <= 0)
                {
                    throw new UsageException($"--header '{header}' is not 'Name: value'.");
                }

                map[header[..split].Trim()] = header[(split + 1)..].Trim();
            }

            target["headers"] = map;
        }
    }

    private void ApplySchedule(CommandContext ctx, JsonObject definition)
    {
        var (cron, every, at, delay, zone) = (ctx.Get(Cron), ctx.Get(Every), ctx.Get(At), ctx.Get(Delay), ctx.Get(TimeZone));
        var kinds = new[] { cron, every, at ?? delay }.Count(v => v is not null);
        if (kinds > 1)
        {
            throw new UsageException("Give one schedule: --cron, --every, or --at/--delay.");
        }

        if (kinds == 0)
        {
            if (zone is not null)
            {
                var schedule = definition["schedule"] as JsonObject ?? throw new UsageException("--tz needs a cron schedule (--cron).");
                schedule["timeZone"] = zone;
            }

            return;
        }

        var spec = new JsonObject();
        if (cron is not null)
        {
            spec["kind"] = "Cron";
            spec["cron"] = cron;
            Set(spec, "timeZone", zone);
        }
        else if (every is not null)
        {
            spec["kind"] = "Interval";
            spec["interval"] = Durations.Parse(every, "--every");
        }
        else
        {
            spec["kind"] = "Once";
            Set(spec, "at", at);
            Set(spec, "delay", Durations.Parse(delay, "--delay"));
        }

        definition["schedule"] = spec;
    }

    private static void Set(JsonObject target, string name, string? value)
    {
        if (value is not null)
        {
            target[name] = value;
        }
    }
}
