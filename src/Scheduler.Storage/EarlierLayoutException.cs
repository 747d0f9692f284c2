namespace Scheduler.Storage;

/// <summary>Storage holds data in the layout of an earlier version, which this version does not read: the host says so, with
/// what to do, and writes nothing.</summary>
public sealed class EarlierLayoutException(string message) : InvalidOperationException(message);
