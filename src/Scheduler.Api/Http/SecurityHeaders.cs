using Microsoft.AspNetCore.Http;

namespace Scheduler.Api.Http;

/// <summary>The headers every answer of both hosts carries, API and dashboard alike: the dashboard keeps an API key in the
/// browser, so its scripts and styles come from its own origin only, no other site may frame it, nothing is sniffed into a
/// script, and no URL leaks in a Referer. The API reference (Scalar) is the one page that needs inline script and style.</summary>
public static class SecurityHeaders
{
    public const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; font-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Scalar's page configures itself in an inline module script and injects its styles at run time.</summary>
    public const string ReferencePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static void Apply(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var headers = context.Response.Headers;
        var reference = context.Request.Path.StartsWithSegments("/" + ApiRoutes.Prefix + "/" + ApiRoutes.Reference, StringComparison.OrdinalIgnoreCase);
        headers.ContentSecurityPolicy = reference ? ReferencePolicy : Policy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
    }
}
