namespace Scheduler.Core.Audit;

/// <summary>The kinds of entity the audit trail records changes to.</summary>
public static class AuditKinds
{
    public const string Job = "job";
    public const string Config = "config";
    public const string Connection = "connection";
    public const string Token = "token";

    public static IReadOnlyList<string> All { get; } = [Job, Config, Connection, Token];
}
