using Scheduler.Core.Validation;

namespace Scheduler.Core.Services;

/// <summary>A command's outcome with its value or its field errors.</summary>
public sealed record CommandResult<T>(CommandStatus Status, T? Value = default, ValidationErrors? Errors = null, string? Detail = null)
{
    public static CommandResult<T> Ok(T value) => new(CommandStatus.Ok, value);
    public static CommandResult<T> Created(T value) => new(CommandStatus.Created, value);
    public static CommandResult<T> Invalid(ValidationErrors errors) => new(CommandStatus.Invalid, Errors: errors);
    public static CommandResult<T> NotFound(string detail) => new(CommandStatus.NotFound, Detail: detail);
    public static CommandResult<T> Conflict(string detail) => new(CommandStatus.Conflict, Detail: detail);
    public static CommandResult<T> PreconditionFailed(string detail) => new(CommandStatus.PreconditionFailed, Detail: detail);
}
