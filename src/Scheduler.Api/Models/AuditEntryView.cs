using System.Text.Json;
using Scheduler.Core.Audit;

namespace Scheduler.Api.Models;

/// <summary>One change in the audit trail: who (the key's name), what (operation, entity), when, and the entity before and after
/// as the API showed it (null where it did not exist).</summary>
public sealed record AuditEntryView(
    string Id, DateTimeOffset AtUtc, string Caller, string Operation, string EntityKind, string EntityId, string? JobId, JsonElement? Before, JsonElement? After)
{
    public static AuditEntryView From(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(entry.Id, entry.AtUtc, entry.Caller, entry.Operation, entry.EntityKind, entry.EntityId, entry.JobId, Parse(entry.Before), Parse(entry.After));
    }

    private static JsonElement? Parse(string? json)
    {
        if (json is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
