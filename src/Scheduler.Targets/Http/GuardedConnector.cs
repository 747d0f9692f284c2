using System.Net;
using System.Net.Sockets;

namespace Scheduler.Targets.Http;

/// <summary>
/// The SSRF guard: resolves the host itself and connects only to addresses the policy allows, so that the address
/// checked is the address used (no DNS rebinding between check and connect).
/// </summary>
public sealed class GuardedConnector(AddressPolicy policy)
{
    /// <summary>A handler that connects through this guard, follows no redirects and uses no proxy (a proxy would connect past the guard).</summary>
    public static SocketsHttpHandler CreateHandler(AddressPolicy policy) => new()
    {
        ConnectCallback = new GuardedConnector(policy).ConnectAsync,
        AllowAutoRedirect = false,
        UseProxy = false,
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
    };

    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var candidates = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        var allowed = new List<IPAddress>(candidates.Length);
        AddressRefusedException? refusal = null;
        foreach (var address in candidates)
        {
            if (policy.RefusalReason(address) is { } reason)
            {
                refusal ??= new AddressRefusedException(host, address, reason);
            }
            else
            {
                allowed.Add(address);
            }
        }

        if (allowed.Count == 0)
        {
            throw (Exception?)refusal ?? new SocketException((int)SocketError.HostNotFound);
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync([.. allowed], context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
