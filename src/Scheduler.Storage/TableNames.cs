namespace Scheduler.Storage;

/// <summary>Scheduler's tables, before <see cref="StorageOptions.TablePrefix"/> is applied.</summary>
public static class TableNames
{
    /// <summary>One partition per job: the job's row, its runs, their attempts, its trigger tokens.</summary>
    public const string Jobs = "jobs";
    public const string Due = "due";
    public const string Slots = "slots";
    public const string Config = "config";
    public const string Idempotency = "idempotency";
    public const string Connections = "connections";
    public const string RunCounts = "runcounts";
    /// <summary>Job alerts' NoSuccessWithin deadlines, one partition per UTC minute.</summary>
    public const string AlertDeadlines = "alertdeadlines";

    /// <summary>Changes made through the API: one partition per day, newest first.</summary>
    public const string Audit = "audit";

    public static IReadOnlyList<string> All { get; } = [Jobs, Due, Slots, Config, Idempotency, Connections, RunCounts, AlertDeadlines, Audit];
}
