using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Scheduler.Cli.Output;

namespace Scheduler.Cli.Commands;

/// <summary><c>scheduler config get|set</c>: lane budgets and pause-all.</summary>
public static class ConfigCommand
{
    public static Command Create(Actions actions)
    {
        var config = new Command("config", "Read or change the dynamic settings (lane budgets, pause-all).");
        config.Add(Get(actions));
        config.Add(Set(actions));
        return config;
    }

    private static Command Get(Actions actions)
    {
        var command = new Command("get", "Show the lane budgets and pause-all.");
        actions.Set(command, async (ctx, ct) =>
        {
            var body = (await ctx.Client.GetAsync("api/config", ct).ConfigureAwait(false)).Body;
            if (ctx.Terminal.IsJson)
            {
                ctx.Terminal.Json(body);
            }
            else
            {
                ctx.Terminal.Render(OpsTables.Config(body));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Set(Actions actions)
    {
        var defaultBudget = new Option<int?>("--default-concurrency") { Description = "Budget of every lane without one of its own (0-1000)." };
        var lanes = new Option<string[]>("--lane") { Description = "A lane budget 'name=N' (repeatable)." };
        var removeLanes = new Option<string[]>("--remove-lane") { Description = "Drop a lane's own budget (repeatable)." };
        var pauseAll = new Option<bool?>("--pause-all") { Description = "true stops all dispatching; false resumes it." };
        var command = new Command("set", "Change settings: read, change the given ones, write back with If-Match.") { defaultBudget, lanes, removeLanes, pauseAll };
        actions.Set(command, async (ctx, ct) =>
        {
            var lanePairs = ctx.Get(lanes) ?? [];
            var removed = ctx.Get(removeLanes) ?? [];
            if (ctx.Get(defaultBudget) is null && ctx.Get(pauseAll) is null && lanePairs.Length == 0 && removed.Length == 0)
            {
                throw new UsageException("Nothing to change: give --default-concurrency, --lane name=N, --remove-lane or --pause-all.");
            }

            var current = await ctx.Client.GetAsync("api/config", ct).ConfigureAwait(false);
            var body = current.Body?.DeepClone() as JsonObject ?? [];
            body.Remove("eTag");
            if (ctx.Get(defaultBudget) is { } budget)
            {
                body["defaultLaneConcurrency"] = budget;
            }

            if (ctx.Get(pauseAll) is { } pause)
            {
                body["pauseAll"] = pause;
            }

            body["lanes"] = WithLaneChanges(body["lanes"] as JsonObject ?? [], lanePairs, removed);
            var saved = await ctx.Client.SendAsync(HttpMethod.Put, "api/config", body, current.ETag, ct).ConfigureAwait(false);
            if (ctx.Terminal.IsJson)
            {
                ctx.Terminal.Json(saved.Body);
            }
            else
            {
                ctx.Terminal.Done("Config saved; the sweep applies it on its next tick.");
                ctx.Terminal.Render(OpsTables.Config(saved.Body));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The lane budgets with each <c>--lane name=N</c> set and each <c>--remove-lane</c> dropped.</summary>
    private static JsonObject WithLaneChanges(JsonObject lanes, string[] budgets, string[] removed)
    {
        foreach (var pair in budgets)
        {
            var split = pair.IndexOf('=', StringComparison.Ordinal);
            if (split <= 0 || !int.TryParse(pair[(split + 1)..], NumberStyles.Integer, CultureInfo.InvariantCulture, out var slots))
            {
                throw new UsageException($"--lane '{pair}' is not 'name=N'.");
            }

            lanes[pair[..split].Trim()] = slots;
        }

        foreach (var lane in removed)
        {
            lanes.Remove(lane);
        }

        return lanes;
    }
}
