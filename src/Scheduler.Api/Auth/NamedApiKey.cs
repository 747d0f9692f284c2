namespace Scheduler.Api.Auth;

/// <summary>A key with a name and a role (<c>Scheduler:Api:NamedKeys:n</c>). The name is what problems and logs show, never the key.</summary>
public sealed class NamedApiKey
{
    public string Name { get; set; } = "";

    public string Key { get; set; } = "";

    public ApiRole Role { get; set; } = ApiRole.Reader;
}
