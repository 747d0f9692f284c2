namespace Scheduler.Api.Models;

/// <summary>One occurrence: the instant in UTC, and the same instant with the schedule's zone offset.</summary>
public sealed record Occurrence(DateTimeOffset Utc, DateTimeOffset Local);
