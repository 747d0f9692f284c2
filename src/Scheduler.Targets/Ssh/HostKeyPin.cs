using Renci.SshNet.Common;

namespace Scheduler.Targets.Ssh;

/// <summary>Trusts exactly the pinned host key: its SHA-256 fingerprint, with or without "SHA256:" and base64 padding.</summary>
internal sealed class HostKeyPin(string? pinned)
{
    public string? Presented { get; private set; }

    public bool Rejected { get; private set; }

    public static string Normalize(string fingerprint)
    {
        var text = fingerprint.Trim();
        if (text.StartsWith("SHA256:", StringComparison.OrdinalIgnoreCase))
        {
            text = text["SHA256:".Length..];
        }

        return text.TrimEnd('=');
    }

    /// <summary>True when the text is the unpadded base64 of a 32-byte SHA-256 digest.</summary>
    public static bool IsWellFormed(string fingerprint)
    {
        var text = Normalize(fingerprint);
        Span<byte> digest = stackalloc byte[33];
        return text.Length == 43 && Convert.TryFromBase64String(text + "=", digest, out var written) && written == 32;
    }

    public void OnHostKeyReceived(object? sender, HostKeyEventArgs e)
    {
        Presented = "SHA256:" + Normalize(e.FingerPrintSHA256);
        e.CanTrust = pinned is not null && string.Equals(Normalize(pinned), Normalize(e.FingerPrintSHA256), StringComparison.Ordinal);
        Rejected = !e.CanTrust;
    }

    public string Describe(SshEndpoint endpoint) => string.IsNullOrWhiteSpace(pinned)
        ? $"host key of {endpoint.Host}:{endpoint.Port} is unknown: no fingerprint is pinned (the server presented {Presented})"
        : $"host key of {endpoint.Host}:{endpoint.Port} does not match the pinned fingerprint: the server presented {Presented}, the target pins SHA256:{Normalize(pinned)}";
}
