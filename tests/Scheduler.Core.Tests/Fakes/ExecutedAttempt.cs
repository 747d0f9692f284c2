namespace Scheduler.Core.Tests.Fakes;

/// <summary>One call the fake executor received.</summary>
public sealed record ExecutedAttempt(string RunId, int Attempt, DateTimeOffset AtUtc);
