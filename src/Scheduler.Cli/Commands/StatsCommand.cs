using System.CommandLine;
using Scheduler.Cli.Output;

namespace Scheduler.Cli.Commands;

/// <summary><c>scheduler stats</c>: jobs by status, the last hour's runs, lateness, lanes.</summary>
public static class StatsCommand
{
    public static Command Create(Actions actions)
    {
        var command = new Command("stats", "Show jobs by status, runs of the last hour, lateness percentiles and slots per lane.");
        actions.Set(command, async (ctx, ct) =>
        {
            var body = (await ctx.Client.GetAsync("api/stats", ct).ConfigureAwait(false)).Body;
            if (ctx.Terminal.IsJson)
            {
                ctx.Terminal.Json(body);
            }
            else
            {
                ctx.Terminal.Render(OpsTables.Stats(body));
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
