using Scheduler.Core.Ports;
using Scheduler.Core.Targets;
using Scheduler.Core.Validation;

namespace Scheduler.Targets.Command;

/// <summary>
/// Checks a command target at submission. The program is an absolute path or a bare name looked up on PATH, as in a
/// shell; relative paths are refused because they would resolve against the host's directory, not the working directory.
/// </summary>
public sealed class CommandTargetValidator : ITargetValidator
{
    public string Kind => TargetKinds.Command;

    public Task<IReadOnlyList<FieldError>> ValidateAsync(TargetSpec target, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (target is CommandTargetSpec spec)
        {
            Check(spec, errors);
        }

        return Task.FromResult(errors.All);
    }

    private static void Check(CommandTargetSpec spec, ValidationErrors errors)
    {
        var program = spec.Program ?? "";
        errors.Require(!string.IsNullOrWhiteSpace(program), "target.program", "A program is required.");
        errors.Require(!HasNul(program), "target.program", "The program must not contain NUL characters.");
        errors.Require(spec.UseShell || !program.Contains('/', StringComparison.Ordinal) || Path.IsPathRooted(program), "target.program",
            "Use an absolute path (/usr/bin/env) or a bare program name found on PATH (env), not a relative path.");
        var args = spec.Args ?? [];
        for (var i = 0; i < args.Count; i++)
        {
            errors.Require(args[i] is not null && !HasNul(args[i]), $"target.args[{i}]", "An argument must not be null or contain NUL characters.");
        }

        if (spec.WorkingDirectory is { } directory)
        {
            errors.Require(Path.IsPathRooted(directory) && !HasNul(directory), "target.workingDirectory", "The working directory must be an absolute path.");
        }

        foreach (var (name, value) in spec.Environment ?? new Dictionary<string, string>())
        {
            errors.Require(name.Length > 0 && !name.Contains('=', StringComparison.Ordinal) && !HasNul(name) && value is not null && !HasNul(value),
                $"target.environment.{name}", "An environment variable has a name without '=' or NUL and a value without NUL.");
        }
    }

    private static bool HasNul(string text) => text.Contains('\0', StringComparison.Ordinal);
}
