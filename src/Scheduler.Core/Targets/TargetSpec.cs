using System.Text.Json.Serialization;

namespace Scheduler.Core.Targets;

/// <summary>What a run does: the base of every target kind. The JSON discriminator is <c>type</c>.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(HttpTargetSpec), TargetKinds.Http)]
[JsonDerivedType(typeof(QueueTargetSpec), TargetKinds.Queue)]
[JsonDerivedType(typeof(CommandTargetSpec), TargetKinds.Command)]
[JsonDerivedType(typeof(SshTargetSpec), TargetKinds.Ssh)]
public abstract record TargetSpec
{
    /// <summary>The discriminator of this target kind, one of <see cref="TargetKinds"/>.</summary>
    [JsonIgnore]
    public abstract string Kind { get; }
}
