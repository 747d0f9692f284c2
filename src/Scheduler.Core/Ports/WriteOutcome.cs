namespace Scheduler.Core.Ports;

/// <summary>The expected outcomes of a conditional write; storage errors beyond these throw.</summary>
public enum WriteOutcome
{
    Done,
    /// <summary>An entity with that key already exists (409).</summary>
    Conflict,
    /// <summary>Someone else changed the entity first (412).</summary>
    Stale,
    NotFound,
}
