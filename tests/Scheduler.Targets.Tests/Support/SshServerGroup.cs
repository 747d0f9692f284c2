namespace Scheduler.Targets.Tests.Support;

/// <summary>One sshd (and one password of the test user) for every SSH test class.</summary>
[CollectionDefinition(Name)]
public sealed class SshServerGroup : ICollectionFixture<SshServerFixture>
{
    public const string Name = "sshd";
}
