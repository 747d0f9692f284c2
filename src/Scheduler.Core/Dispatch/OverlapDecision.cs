namespace Scheduler.Core.Dispatch;

/// <summary>What the overlap policy says about an occurrence while the previous run may be active.</summary>
public enum OverlapDecision
{
    Dispatch,
    Skip,
    /// <summary>Leave the occurrence in the index until the active run ends.</summary>
    Hold,
}
