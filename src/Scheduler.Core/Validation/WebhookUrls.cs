namespace Scheduler.Core.Validation;

/// <summary>The rule for a URL that Scheduler POSTs to after a run (notifications, alerts): absolute http or https, at most
/// <see cref="Limits.MaxNotifyUrlLength"/> characters, without credentials.</summary>
public static class WebhookUrls
{
    public const string Rule = "an absolute http or https URL of at most 2048 characters, without credentials";

    public static bool IsValid(string? url) =>
        url is { Length: <= Limits.MaxNotifyUrlLength } && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && string.IsNullOrEmpty(uri.UserInfo);
}
