namespace Scheduler.Core.Validation;

/// <summary>One thing wrong with one field; <see cref="Field"/> is the JSON path (e.g. <c>schedule.cron</c>).</summary>
public sealed record FieldError(string Field, string Message);
