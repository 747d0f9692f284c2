using System.Text.Json.Serialization;

namespace Scheduler.Core.Targets;

/// <summary>Puts a message on a named storage queue of the scheduler's account.</summary>
public sealed record QueueTargetSpec : TargetSpec
{
    [JsonIgnore]
    public override string Kind => TargetKinds.Queue;
    public required string QueueName { get; init; }
    public required string Message { get; init; }
}
