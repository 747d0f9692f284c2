namespace Scheduler.Core.Retention;

/// <summary>What one kind of removal did within a pass: how many it removed and whether it stopped with more to remove.</summary>
internal readonly record struct Removal(int Count, bool More)
{
    public static Removal operator +(Removal a, Removal b) => new(a.Count + b.Count, a.More || b.More);

    /// <summary>Calls <paramref name="delete"/> with limits of at most <paramref name="pageSize"/> until it removes fewer than
    /// asked (none left) or <paramref name="budget"/> is spent.</summary>
    public static async Task<Removal> DrainAsync(Func<int, CancellationToken, Task<int>> delete, int pageSize, int budget, CancellationToken cancellationToken)
    {
        var removed = 0;
        while (removed < budget)
        {
            var limit = Math.Min(pageSize, budget - removed);
            var count = await delete(limit, cancellationToken).ConfigureAwait(false);
            removed += count;
            if (count < limit)
            {
                return new Removal(removed, false);
            }
        }

        return new Removal(removed, true);
    }
}
