namespace Scheduler.Targets.Ssh;

/// <summary>Settings of SSH targets, bound from <c>Scheduler:Targets:Ssh</c>: the timeouts of inline endpoints that give none.</summary>
public sealed class SshTargetOptions
{
    public const string SectionName = "Scheduler:Targets:Ssh";

    public TimeSpan DefaultConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan DefaultCommandTimeout { get; set; } = TimeSpan.FromMinutes(5);
}
