namespace Scheduler.Api.Models;

/// <summary>Start of first attempt minus due time, in milliseconds, over the runs started in the last hour.</summary>
public sealed record LatenessView(int Samples, double? P50, double? P95, double? P99);
