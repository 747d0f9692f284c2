using Scheduler.Core.Schedules;

namespace Scheduler.Api.Models;

/// <summary>Asks for the next <see cref="Count"/> occurrences of a schedule after <see cref="FromUtc"/> (now when absent).</summary>
public sealed record PreviewRequest
{
    public required ScheduleSpec Schedule { get; init; }
    public int Count { get; init; } = 10;
    public DateTimeOffset? FromUtc { get; init; }
}
