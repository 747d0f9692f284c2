namespace Scheduler.Api.Auth;

/// <summary>What an API key may do, each role including the ones below it: a reader reads, an operator also triggers, cancels,
/// pauses and resumes, an admin does everything. The order of the values is that inclusion.</summary>
public enum ApiRole
{
    Reader = 1,
    Operator = 2,
    Admin = 3,
}
