using Scheduler.Core.Ports;
using Scheduler.Core.Targets;
using Scheduler.Core.Validation;

namespace Scheduler.Targets.Ssh;

/// <summary>
/// Checks an SSH target at submission: a connection profile that exists, or a complete inline endpoint whose secret
/// reference exists; no secret values in any field; at least one command.
/// </summary>
public sealed class SshTargetValidator(IConnectionStore connections, ISecretResolver secrets) : ITargetValidator
{
    private const string SecretsByReference = "Secrets go by reference: store the key or password as a secret and name it in 'secretRef'.";

    public string Kind => TargetKinds.Ssh;

    public async Task<IReadOnlyList<FieldError>> ValidateAsync(TargetSpec target, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (target is not SshTargetSpec spec)
        {
            return errors.All;
        }

        var fields = new (string Field, string? Value)[]
        {
            ("target.connection", spec.Connection), ("target.host", spec.Host), ("target.user", spec.User),
            ("target.secretRef", spec.SecretRef), ("target.hostKeyFingerprint", spec.HostKeyFingerprint),
        };
        var commands = spec.Commands ?? [];
        var leaked = fields.Concat(commands.Select((c, i) => ($"target.commands[{i}]", (string?)c))).Where(f => LooksLikeSecret(f.Item2)).ToList();
        foreach (var (field, _) in leaked)
        {
            errors.Add(field, SecretsByReference);
        }

        if (!string.IsNullOrEmpty(spec.Connection))
        {
            foreach (var (field, _) in fields.Skip(1).Where(f => f.Value is not null))
            {
                errors.Add(field, "Give either a connection profile or an inline endpoint, not both.");
            }

            if (!Identifiers.IsValidId(spec.Connection))
            {
                // Checked before the lookup: a profile name is a table key, and storage refuses some characters outright.
                errors.Add("target.connection", "A connection profile name: " + Identifiers.IdRule);
            }
            else if (leaked.Count == 0 && await connections.GetAsync(spec.Connection, cancellationToken).ConfigureAwait(false) is null)
            {
                errors.Add("target.connection", $"There is no connection profile named '{spec.Connection}'.");
            }
        }
        else
        {
            await CheckInlineAsync(spec, leaked.Count > 0, errors, cancellationToken).ConfigureAwait(false);
        }

        CheckCommands(spec, commands, errors);
        return errors.All;
    }

    private async Task CheckInlineAsync(SshTargetSpec spec, bool leaked, ValidationErrors errors, CancellationToken cancellationToken)
    {
        const string Either = "Required unless the target names a connection profile in 'connection'.";
        errors.Require(!string.IsNullOrWhiteSpace(spec.Host), "target.host", Either);
        errors.Require(!string.IsNullOrWhiteSpace(spec.User), "target.user", Either);
        errors.Require(spec.Port is >= 1 and <= 65535, "target.port", "The port must be between 1 and 65535.");
        errors.Require(!string.IsNullOrWhiteSpace(spec.HostKeyFingerprint), "target.hostKeyFingerprint", Either + " Pin the host key as ssh-keygen -lf prints it (SHA256:...).");
        errors.Require(spec.HostKeyFingerprint is null || leaked || HostKeyPin.IsWellFormed(spec.HostKeyFingerprint), "target.hostKeyFingerprint",
            "A host key fingerprint is SHA256: followed by 43 base64 characters, as ssh-keygen -lf prints it.");
        if (string.IsNullOrWhiteSpace(spec.SecretRef))
        {
            errors.Add("target.secretRef", Either);
        }
        else if (!leaked && !await secrets.ExistsAsync(spec.SecretRef, cancellationToken).ConfigureAwait(false))
        {
            errors.Add("target.secretRef", $"There is no secret named '{spec.SecretRef}'.");
        }
    }

    private static void CheckCommands(SshTargetSpec spec, IReadOnlyList<string> commands, ValidationErrors errors)
    {
        errors.Require(commands.Count > 0, "target.commands", "At least one command is required.");
        for (var i = 0; i < commands.Count; i++)
        {
            errors.Require(!string.IsNullOrWhiteSpace(commands[i]) && !commands[i].Contains('\0', StringComparison.Ordinal),
                $"target.commands[{i}]", "A command is non-empty text without NUL characters.");
        }

        errors.Require(spec.ConnectTimeout is null || (spec.ConnectTimeout > TimeSpan.Zero && spec.ConnectTimeout <= TimeSpan.FromMinutes(5)),
            "target.connectTimeout", "The connect timeout must be more than 0 and at most 5 minutes.");
        errors.Require(spec.CommandTimeout is null || (spec.CommandTimeout > TimeSpan.Zero && spec.CommandTimeout <= Limits.MaxTimeout),
            "target.commandTimeout", "The command timeout must be more than 0 and at most 6 hours.");
    }

    private static bool LooksLikeSecret(string? value) =>
        value is not null && (value.Contains("PRIVATE KEY", StringComparison.Ordinal) || value.Contains("-----BEGIN", StringComparison.Ordinal));
}
