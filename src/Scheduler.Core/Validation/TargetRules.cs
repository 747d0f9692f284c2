using System.Text.RegularExpressions;
using Scheduler.Core.Targets;

namespace Scheduler.Core.Validation;

/// <summary>Checks the shape of HTTP (<see cref="HttpTargetRules"/>) and queue targets; other kinds are checked by their own validators.</summary>
public static partial class TargetRules
{
    [GeneratedRegex("^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex QueueName();

    public static void Check(TargetSpec? target, ValidationErrors errors)
    {
        switch (target)
        {
            case null:
                errors.Add("target", "A target is required.");
                break;
            case HttpTargetSpec http:
                HttpTargetRules.Check(http, errors);
                break;
            case QueueTargetSpec queue:
                errors.Require(queue.QueueName is not null && QueueName().IsMatch(queue.QueueName), "target.queueName", "A queue name has 3-63 lowercase letters, digits or single hyphens.");
                errors.Require(queue.Message is not null && System.Text.Encoding.UTF8.GetByteCount(queue.Message) <= Limits.MaxQueueMessageBytes, "target.message", "The message is required and at most 48 KiB of UTF-8 (64 KiB once base64-encoded on the queue).");
                break;
        }
    }
}
