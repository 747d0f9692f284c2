using System.Text.RegularExpressions;
using Scheduler.Core.Connections;
using Scheduler.Core.Validation;

namespace Scheduler.Api.Validation;

/// <summary>Checks an SSH connection profile. Profiles hold secret references only: a value that looks like key material is refused.</summary>
public static partial class ConnectionRules
{
    private static readonly string[] SecretMarkers = ["PRIVATE KEY", "-----BEGIN"];

    [GeneratedRegex(@"^[A-Za-z0-9]([A-Za-z0-9.-]{0,252}[A-Za-z0-9])?$|^\[?[0-9A-Fa-f:.]{2,45}\]?$", RegexOptions.CultureInvariant)]
    private static partial Regex HostPattern();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex UserPattern();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9:._/-]{0,255}$", RegexOptions.CultureInvariant)]
    private static partial Regex SecretRefPattern();

    [GeneratedRegex(@"^SHA256:[A-Za-z0-9+/]{43}=?$", RegexOptions.CultureInvariant)]
    private static partial Regex FingerprintPattern();

    public static ValidationErrors Check(ConnectionProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var errors = new ValidationErrors();
        foreach (var (field, value) in Strings(profile))
        {
            if (value is not null && SecretMarkers.Any(m => value.Contains(m, StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add(field, "This looks like key material. Profiles never hold secrets: store the key as a secret and put its name in 'secretRef'.");
            }
        }

        if (!errors.IsValid)
        {
            return errors;
        }

        errors.Require(Identifiers.IsValidId(profile.Name), "name", Identifiers.IdRule);
        errors.Require(profile.Host is not null && HostPattern().IsMatch(profile.Host), "host", "The host is a DNS name or an IP address.");
        errors.Require(profile.Port is >= 1 and <= 65535, "port", "The port is from 1 to 65535.");
        errors.Require(profile.User is not null && UserPattern().IsMatch(profile.User), "user", "The user is 1-64 letters, digits, '.', '_' or '-'.");
        errors.Require(profile.SecretRef is not null && SecretRefPattern().IsMatch(profile.SecretRef), "secretRef",
            "The secret reference is the name of a secret (1-256 letters, digits, ':', '.', '_', '/' or '-'), never the secret itself.");
        errors.Require(profile.HostKeyFingerprint is not null && FingerprintPattern().IsMatch(profile.HostKeyFingerprint), "hostKeyFingerprint",
            "The host key fingerprint is 'SHA256:' and 43 base64 characters, as ssh-keygen -lf prints it.");
        errors.Require(profile.ConnectTimeout > TimeSpan.Zero && profile.ConnectTimeout <= TimeSpan.FromMinutes(5), "connectTimeout", "The connect timeout is more than 0 and at most 5 minutes.");
        errors.Require(profile.CommandTimeout > TimeSpan.Zero && profile.CommandTimeout <= Limits.MaxTimeout, "commandTimeout", "The command timeout is more than 0 and at most 6 hours.");
        return errors;
    }

    private static IEnumerable<(string Field, string? Value)> Strings(ConnectionProfile profile) =>
    [
        ("name", profile.Name), ("host", profile.Host), ("user", profile.User), ("secretRef", profile.SecretRef), ("hostKeyFingerprint", profile.HostKeyFingerprint),
    ];
}
