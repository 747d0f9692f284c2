using System.CommandLine;
using System.Text.Json.Nodes;
using Scheduler.Cli.Output;

namespace Scheduler.Cli.Commands;

/// <summary><c>jobs create</c> and <c>jobs update</c>: from a JSON file, from flags, or a file with flags over it.</summary>
public static class JobWriteCommands
{
    public static Command Create(Actions actions)
    {
        var flags = new JobFlags();
        var command = new Command("create", "Create a job from --file job.json, or from flags for an HTTP job (--id, --url, and --cron, --every, --at or --delay).");
        flags.AddTo(command);
        actions.Set(command, async (ctx, ct) =>
        {
            var definition = flags.ReadFile(ctx);
            if (definition is null)
            {
                if (ctx.Get(flags.Id) is null || ctx.Get(flags.Url) is null)
                {
                    throw new UsageException("Give --file job.json, or at least --id, --url and a schedule (--cron, --every, --at or --delay).");
                }

                definition = [];
            }

            flags.Apply(ctx, definition);
            var created = await ctx.Client.PostAsync("api/jobs", definition, ct).ConfigureAwait(false);
            Print(ctx, created.Body, $"Created job {Json.Text(created.Body, "id")}");
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Update(Actions actions)
    {
        var flags = new JobFlags();
        var id = new Argument<string>("id") { Description = "The job to change." };
        var command = new Command("update", "Change a job: --file replaces its definition, flags change single fields (read, change, write with If-Match).") { id };
        flags.AddTo(command);
        actions.Set(command, async (ctx, ct) =>
        {
            var jobId = ctx.Required(id);
            var definition = flags.ReadFile(ctx);
            if (definition is null && !flags.Any(ctx))
            {
                throw new UsageException("Nothing to change: give --file job.json or flags such as --cron, --url, --lane.");
            }

            var current = await ctx.Client.GetAsync(Paths.Job(jobId), ct).ConfigureAwait(false);
            definition ??= (Json.At(current.Body, "definition") ?? throw new UsageException("The server's job has no definition.")).DeepClone().AsObject();
            definition["id"] ??= jobId;
            flags.Apply(ctx, definition);
            var etag = current.ETag ?? Json.Str(current.Body, "eTag");
            var updated = await ctx.Client.SendAsync(HttpMethod.Put, Paths.Job(jobId), definition, etag, ct).ConfigureAwait(false);
            Print(ctx, updated.Body, $"Updated job {jobId}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Print(CommandContext ctx, JsonNode? job, string message)
    {
        if (ctx.Terminal.IsJson)
        {
            ctx.Terminal.Json(job);
            return;
        }

        var next = Json.Time(job, "nextDueUtc");
        ctx.Terminal.Done($"{message}: {Json.Text(job, "status")}, next due {Display.Time(next)}.");
    }
}
