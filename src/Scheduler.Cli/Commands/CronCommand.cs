using System.CommandLine;
using System.Text.Json.Nodes;
using Scheduler.Cli.Output;

namespace Scheduler.Cli.Commands;

/// <summary><c>scheduler cron preview EXPR</c>: the next occurrences of a cron expression, computed by the server.</summary>
public static class CronCommand
{
    public static Command Create(Actions actions)
    {
        var expression = new Argument<string>("expression") { Description = "5 fields (minute hour day month weekday) or 6 with seconds first; quote it." };
        var zone = new Option<string?>("--tz") { Description = "IANA time zone (UTC by default)." };
        var count = new Option<int>("--count", "-c") { Description = "How many occurrences (1-100).", DefaultValueFactory = _ => 5 };
        var from = new Option<DateTimeOffset?>("--from") { Description = "Start after this instant (ISO-8601); now by default." };
        var preview = new Command("preview", "Show the next occurrences of a cron expression.") { expression, zone, count, from };
        actions.Set(preview, async (ctx, ct) =>
        {
            var schedule = new JsonObject { ["kind"] = "Cron", ["cron"] = ctx.Required(expression) };
            if (ctx.Get(zone) is { } tz)
            {
                schedule["timeZone"] = tz;
            }

            var request = new JsonObject { ["schedule"] = schedule, ["count"] = ctx.Get(count) };
            if (ctx.Get(from) is { } start)
            {
                request["fromUtc"] = start.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture);
            }

            var body = (await ctx.Client.PostAsync("api/schedules/preview", request, ct).ConfigureAwait(false)).Body;
            if (ctx.Terminal.IsJson)
            {
                ctx.Terminal.Json(body);
            }
            else
            {
                ctx.Terminal.Render(OpsTables.Preview(body));
            }

            return ExitCodes.Ok;
        });
        return new Command("cron", "Cron helpers.") { preview };
    }
}
