namespace Scheduler.Cli.Output;

/// <summary>How results are printed: a table for people, the API's JSON for scripts.</summary>
public enum OutputFormat
{
    Table,
    Json,
}
