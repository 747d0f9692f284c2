namespace Scheduler.Api.Auth;

/// <summary>Who sent a request, as far as its key tells: the key's name (never its value) and its role.</summary>
public sealed record ApiCaller(string Name, ApiRole Role);
