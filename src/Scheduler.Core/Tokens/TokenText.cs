using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Scheduler.Core.Tokens;

/// <summary>The text of a trigger token: <c>tt.{id}.{secret}</c>, the id 16 hex digits (so a lookup is one point read) and the
/// secret 32 random bytes in base64url (256 bits: a hash without salt or stretching is enough to store it).</summary>
public static class TokenText
{
    public const string Prefix = "tt.";
    private const int IdBytes = 8;
    private const int SecretBytes = 32;

    /// <summary>A new token id and its full text.</summary>
    public static (string Id, string Text) New()
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(IdBytes));
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));
        return (id, $"{Prefix}{id}.{secret}");
    }

    /// <summary>True when <paramref name="text"/> has the shape of a token (not whether it is a valid one).</summary>
    public static bool LooksLikeToken(string? text) => text is not null && text.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>The token id in <paramref name="text"/>, or null when it is not shaped like a token.</summary>
    public static string? IdOf(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!LooksLikeToken(text))
        {
            return null;
        }

        var dot = text.IndexOf('.', Prefix.Length);
        var id = dot < 0 ? "" : text[Prefix.Length..dot];
        return id.Length == IdBytes * 2 && id.All(char.IsAsciiHexDigitLower) ? id : null;
    }

    /// <summary>Lower-case hex SHA-256 of the whole token text.</summary>
    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>Compares a presented token with a stored hash in constant time.</summary>
    public static bool Matches(string text, string storedHash)
    {
        ArgumentNullException.ThrowIfNull(storedHash);
        var given = Encoding.ASCII.GetBytes(Hash(text));
        var known = Encoding.ASCII.GetBytes(storedHash);
        return CryptographicOperations.FixedTimeEquals(given, known);
    }
}
