using System.Text;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace Scheduler.Targets.Ssh;

/// <summary>The authentication a secret's value stands for: a private key (OpenSSH or PEM, "-----BEGIN...") or else a password.</summary>
internal sealed class SshCredentials : IDisposable
{
    private readonly List<IDisposable> owned = [];

    private SshCredentials(AuthenticationMethod method, bool isKey)
    {
        Method = method;
        IsKey = isKey;
    }

    public AuthenticationMethod Method { get; }

    public bool IsKey { get; }

    /// <summary>The credentials, or null with the reason when the secret holds a key SSH.NET cannot read.</summary>
    public static SshCredentials? Create(string user, string secret, out string? error)
    {
        error = null;
        if (!secret.TrimStart().StartsWith("-----BEGIN", StringComparison.Ordinal))
        {
            var password = new PasswordAuthenticationMethod(user, secret);
            return new SshCredentials(password, isKey: false) { owned = { password } };
        }

        try
        {
            var key = new PrivateKeyFile(new MemoryStream(Encoding.UTF8.GetBytes(secret.Trim() + "\n")));
            var method = new PrivateKeyAuthenticationMethod(user, key);
            return new SshCredentials(method, isKey: true) { owned = { method, key } };
        }
        catch (Exception ex) when (ex is SshException or ArgumentException or NotSupportedException or FormatException)
        {
            error = $"the secret holds a private key that cannot be read (passphrase-protected keys are not supported): {ex.Message}";
            return null;
        }
    }

    public void Dispose() => owned.ForEach(o => o.Dispose());
}
