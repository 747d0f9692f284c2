using Scheduler.Core.Targets;
using Scheduler.Core.Validation;

namespace Scheduler.Core.Ports;

/// <summary>Validates one kind of target beyond what Core knows (SSRF policy, secret references, connection profiles). Field paths start at <c>target</c>.</summary>
public interface ITargetValidator
{
    string Kind { get; }
    Task<IReadOnlyList<FieldError>> ValidateAsync(TargetSpec target, CancellationToken cancellationToken);
}
