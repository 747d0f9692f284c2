using System.Text.Json.Nodes;

namespace Scheduler.Cli.Tests;

/// <summary>What one CLI invocation printed and returned.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Stdout parsed as JSON (for <c>--output json</c>).</summary>
    public JsonNode Json => JsonNode.Parse(Stdout) ?? throw new InvalidOperationException("stdout is JSON null");

    public override string ToString() => $"exit {ExitCode}{System.Environment.NewLine}stdout:{System.Environment.NewLine}{Stdout}{System.Environment.NewLine}stderr:{System.Environment.NewLine}{Stderr}";
}
