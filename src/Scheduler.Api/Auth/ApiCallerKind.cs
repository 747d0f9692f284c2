namespace Scheduler.Api.Auth;

/// <summary>What a caller presented: an API key (or a function key), or a trigger token that may only trigger its own job.</summary>
public enum ApiCallerKind
{
    Key = 1,
    TriggerToken = 2,
}
