using System.Security.Cryptography;
using System.Text;
using Scheduler.Core.Serialization;

namespace Scheduler.Core.Services;

/// <summary>What a trigger's Idempotency-Key is bound to: the run it started and a fingerprint of its parameters, so that a
/// repeat is recognised (same run) and the same key with other parameters is refused. Stored as one string,
/// <c>{runId} {fingerprint}</c>, under a key of its own per job (job creates and triggers never share a key).</summary>
public sealed record TriggerClaim(string RunId, string Fingerprint)
{
    public static string KeyOf(string jobId, string idempotencyKey) => $"trigger/{jobId}/{idempotencyKey}";

    public static TriggerClaim For(string runId, IReadOnlyDictionary<string, string> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var canonical = SchedulerJson.Serialize(parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new[] { p.Key, p.Value }));
        return new(runId, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical))));
    }

    public static TriggerClaim Parse(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var space = stored.LastIndexOf(' ');
        return space < 0 ? new(stored, "") : new(stored[..space], stored[(space + 1)..]);
    }

    public override string ToString() => $"{RunId} {Fingerprint}";
}
