using System.Buffers.Text;
using System.Text;

namespace Scheduler.Storage.Tables;

/// <summary>Opaque continuation tokens: the base64url of the last key returned, so that a page resumes exactly after it.</summary>
internal static class Continuations
{
    public static string Encode(string lastKey) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(lastKey));

    public static string? Decode(string? continuation)
    {
        if (string.IsNullOrEmpty(continuation))
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(continuation));
        }
        catch (FormatException e)
        {
            throw new ArgumentException("The continuation token is not valid.", nameof(continuation), e);
        }
    }
}
