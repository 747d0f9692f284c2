using System.CommandLine;
using Scheduler.Cli.Commands;
using Scheduler.Cli.Output;

namespace Scheduler.Cli;

/// <summary>The command tree of <c>scheduler</c>.</summary>
public static class CliApp
{
    public static RootCommand Build(Func<string, string?> environment, Func<OutputFormat, Terminal> terminals, TimeProvider time)
    {
        var options = new GlobalOptions();
        var actions = new Actions(options, environment, terminals);
        var root = new RootCommand($"scheduler: the command-line client of the Scheduler REST API.{Environment.NewLine}" +
            $"Server and key: --server/--api-key, else SCHEDULER_URL/SCHEDULER_API_KEY, else ~/.config/scheduler/config.json.{Environment.NewLine}" +
            ExitCodes.Summary);
        options.AddTo(root);
        root.Add(JobsCommand.Create(actions, time));
        root.Add(RunsCommand.Create(actions, time));
        root.Add(ConnectionsCommand.Create(actions));
        root.Add(PoisonCommand.Create(actions));
        root.Add(ConfigCommand.Create(actions));
        root.Add(StatsCommand.Create(actions));
        root.Add(AuditCommand.Create(actions));
        root.Add(CronCommand.Create(actions));
        return root;
    }

    public static Task<int> RunAsync(string[] args) =>
        Build(Environment.GetEnvironmentVariable, Terminal.ForProcess, TimeProvider.System).Parse(args).InvokeAsync();
}
