namespace Scheduler.Api.Models;

/// <summary>Start of first attempt minus due time, in milliseconds, over the runs started in the last hour. Signed: a run
/// that started before its due time counts in <paramref name="Early"/> and pulls the percentiles below zero.</summary>
public sealed record LatenessView(int Samples, double? P50, double? P95, double? P99, int Early = 0);
