namespace Scheduler.Core.Tokens;

/// <summary>A token just created: what is stored, and its text, shown this once and never again.</summary>
public sealed record IssuedToken(TriggerToken Token, string Text);
