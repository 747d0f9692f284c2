namespace Scheduler.Core.Dispatch;

/// <summary>One lane's slot rows as last read, with local reservations so concurrent dispatches do not race for the same row.</summary>
internal sealed class LaneSlots(string lane, int budget, IReadOnlyList<Slot> rows)
{
    private readonly Dictionary<int, Slot> byNumber = rows.ToDictionary(s => s.Number);
    private readonly HashSet<int> reserved = [];
    private readonly Lock gate = new();

    public string Lane => lane;
    public int Budget => budget;

    public int FreeCount(DateTimeOffset now)
    {
        lock (gate)
        {
            return Enumerable.Range(0, budget).Count(n => !reserved.Contains(n) && Current(n).RunId is null);
        }
    }

    public int InUse(DateTimeOffset now)
    {
        lock (gate)
        {
            return byNumber.Values.Count(s => s.Number < budget && s.IsHeld(now));
        }
    }

    /// <summary>Reserves the lowest empty slot below the budget, or null.</summary>
    public Slot? Reserve()
    {
        lock (gate)
        {
            for (var n = 0; n < budget; n++)
            {
                if (!reserved.Contains(n) && Current(n).RunId is null)
                {
                    reserved.Add(n);
                    return Current(n);
                }
            }

            return null;
        }
    }

    /// <summary>Records the slot's row as it now is and drops the reservation.</summary>
    public void Settle(Slot slot)
    {
        lock (gate)
        {
            byNumber[slot.Number] = slot;
            reserved.Remove(slot.Number);
        }
    }

    public IReadOnlyList<Slot> Expired(DateTimeOffset now)
    {
        lock (gate)
        {
            return byNumber.Values.Where(s => s.RunId is not null && !s.IsHeld(now)).ToList();
        }
    }

    private Slot Current(int number) => byNumber.TryGetValue(number, out var slot) ? slot : new Slot(lane, number, null, null, null);
}
