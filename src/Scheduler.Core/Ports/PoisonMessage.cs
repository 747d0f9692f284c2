namespace Scheduler.Core.Ports;

/// <summary>A message in the runs queue's poison queue: its id, when it got there, how often it was read since, and its text
/// (a run message names its job and run; anything else is shown as it came).</summary>
public sealed record PoisonMessage(string MessageId, DateTimeOffset? InsertedUtc, long DequeueCount, string Text);
