namespace Scheduler.Core.Targets;

/// <summary>The names of the target kinds, as they appear in JSON and in host settings.</summary>
public static class TargetKinds
{
    public const string Http = "http";
    public const string Queue = "queue";
    public const string Command = "command";
    public const string Ssh = "ssh";
}
