using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Scheduler.Testing;

/// <summary>
/// A real local stand-in for the managed identity token service, as App Service and Azure Functions expose it to an app
/// (<c>IDENTITY_ENDPOINT</c> and <c>IDENTITY_HEADER</c>): the real <c>ManagedIdentityCredential</c> talks to it over HTTP.
/// Each request mints a new token, <c>token-1</c>, <c>token-2</c>..., living <see cref="Lifetime"/>, and is counted.
/// </summary>
public sealed class IdentityEndpoint : IAsyncDisposable
{
    public const string Header = "test-identity-header";
    private readonly List<string> resources = [];
    private WebApplication? app;
    private int minted;

    /// <summary>How long minted tokens live. Under 5 minutes, so the credential's own cache never answers in the endpoint's place.</summary>
    public TimeSpan Lifetime { get; init; } = TimeSpan.FromMinutes(4);

    public Uri Endpoint { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Tokens minted so far.</summary>
    public int Requests => Volatile.Read(ref minted);

    /// <summary>The resource (audience) of each request, in order.</summary>
    public IReadOnlyList<string> Resources
    {
        get
        {
            lock (resources)
            {
                return [.. resources];
            }
        }
    }

    /// <summary>The environment that points a managed identity credential at this endpoint.</summary>
    public IReadOnlyDictionary<string, string?> Environment => new Dictionary<string, string?>
    {
        ["IDENTITY_ENDPOINT"] = Endpoint.ToString(),
        ["IDENTITY_HEADER"] = Header,
    };

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.MapGet("/msi/token", Mint);
        await app.StartAsync().ConfigureAwait(false);
        Endpoint = new Uri(app.Urls.First().TrimEnd('/') + "/msi/token");
    }

    private IResult Mint(HttpContext context)
    {
        if (context.Request.Headers["X-IDENTITY-HEADER"] != Header)
        {
            return Results.StatusCode(401);
        }

        var resource = context.Request.Query["resource"].ToString();
        lock (resources)
        {
            resources.Add(resource);
        }

        var n = Interlocked.Increment(ref minted);
        var expiresOn = DateTimeOffset.UtcNow.Add(Lifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return Results.Json(new Dictionary<string, string>
        {
            ["access_token"] = $"token-{n}",
            ["expires_on"] = expiresOn,
            ["resource"] = resource,
            ["token_type"] = "Bearer",
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref app, null) is { } running)
        {
            await running.StopAsync().ConfigureAwait(false);
            await running.DisposeAsync().ConfigureAwait(false);
        }
    }
}
