using Microsoft.AspNetCore.Http;

namespace Scheduler.Api.Auth;

/// <summary>Who sent a request, as far as its key tells: the key's name (never its value), its role, and whether it was an API key
/// or a trigger token (a run started by a token was started by an outside system).</summary>
public sealed record ApiCaller(string Name, ApiRole Role, ApiCallerKind Kind = ApiCallerKind.Key)
{
    private static readonly object ItemKey = new();

    /// <summary>The caller <see cref="ApiAccess"/> let through on this request; null before, or on an anonymous operation.</summary>
    public static ApiCaller? Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items.TryGetValue(ItemKey, out var caller) ? caller as ApiCaller : null;
    }

    internal void Attach(HttpContext context) => context.Items[ItemKey] = this;
}
