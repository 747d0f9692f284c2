using Scheduler.Core.Runs;

namespace Scheduler.Core.Alerts;

/// <summary>One attempt of the run: its number, how long it took, its error (cut to <see cref="AlertMessages.MaxErrorChars"/>).</summary>
public sealed record AlertAttempt(int Number, AttemptStatus Status, double DurationMs, string? Error);
