using System.CommandLine;
using Scheduler.Cli.Output;

namespace Scheduler.Cli.Commands;

/// <summary>Options every command takes: where the server is, the key, the output format.</summary>
public sealed class GlobalOptions
{
    public Option<string?> Server { get; } = new("--server", "-s")
    {
        Description = "Base URL of the Scheduler server (else SCHEDULER_URL, else the config file).",
        Recursive = true,
    };

    public Option<string?> ApiKey { get; } = new("--api-key", "-k")
    {
        Description = "API key sent as X-Api-Key (else SCHEDULER_API_KEY, else the config file).",
        Recursive = true,
    };

    public Option<OutputFormat> Output { get; } = new("--output", "-o")
    {
        Description = "table (for people) or json (the API's JSON, for scripts).",
        HelpName = "table|json",
        DefaultValueFactory = _ => OutputFormat.Table,
        Recursive = true,
    };

    public Option<int> Timeout { get; } = new("--timeout")
    {
        Description = "Seconds to wait for the server.",
        DefaultValueFactory = _ => 30,
        Recursive = true,
    };

    public void AddTo(RootCommand root)
    {
        root.Add(Server);
        root.Add(ApiKey);
        root.Add(Output);
        root.Add(Timeout);
    }
}
