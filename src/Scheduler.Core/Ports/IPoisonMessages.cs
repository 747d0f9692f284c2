namespace Scheduler.Core.Ports;

/// <summary>The runs queue's poison queue, handled by people: messages there never expire and nothing moves them on its own.</summary>
public interface IPoisonMessages
{
    /// <summary>The approximate number of messages.</summary>
    Task<int> CountAsync(CancellationToken cancellationToken);

    /// <summary>Up to <see cref="MaxListed"/> messages, oldest first, without taking them.</summary>
    Task<IReadOnlyList<PoisonMessage>> ListAsync(CancellationToken cancellationToken);

    /// <summary>The message with this id among the first <see cref="MaxListed"/>, or null.</summary>
    Task<PoisonMessage?> GetAsync(string messageId, CancellationToken cancellationToken);

    /// <summary>Sends the message's text back to the runs queue, then removes it here; false when it is not among the first
    /// <see cref="MaxListed"/> (or another operator took it first).</summary>
    Task<bool> RequeueAsync(string messageId, CancellationToken cancellationToken);

    /// <summary>Removes the message; false as for <see cref="RequeueAsync"/>.</summary>
    Task<bool> DeleteAsync(string messageId, CancellationToken cancellationToken);

    /// <summary>How many messages a listing shows, and how deep requeue and delete look: the queue service's limit for one peek.</summary>
    public const int MaxListed = 32;
}
