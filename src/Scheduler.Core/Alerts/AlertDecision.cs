namespace Scheduler.Core.Alerts;

/// <summary>What a run's end did to its job's alerts: the state to write, the alerts recorded (sent or suppressed) and the
/// NoSuccessWithin deadlines to arm before the state is written.</summary>
public sealed record AlertDecision(AlertState State, IReadOnlyList<AlertRecord> Records, IReadOnlyList<AlertDeadline> ToArm);
