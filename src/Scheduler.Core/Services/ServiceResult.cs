using System.Diagnostics.CodeAnalysis;
using Scheduler.Core.Validation;

namespace Scheduler.Core.Services;

/// <summary>A command's outcome with its value or its field errors.</summary>
public sealed record ServiceResult<T>(ServiceStatus Status, T? Value = default, ValidationErrors? Errors = null, string? Detail = null)
{
    /// <summary>Ok or Created: the value is there.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    public bool Succeeded => Status is ServiceStatus.Ok or ServiceStatus.Created;

    public static ServiceResult<T> Ok(T value) => new(ServiceStatus.Ok, value);
    public static ServiceResult<T> Created(T value) => new(ServiceStatus.Created, value);
    public static ServiceResult<T> Invalid(ValidationErrors errors) => new(ServiceStatus.Invalid, Errors: errors);
    public static ServiceResult<T> NotFound(string detail) => new(ServiceStatus.NotFound, Detail: detail);
    public static ServiceResult<T> Conflict(string detail) => new(ServiceStatus.Conflict, Detail: detail);
    public static ServiceResult<T> PreconditionFailed(string detail) => new(ServiceStatus.PreconditionFailed, Detail: detail);
}
