namespace Scheduler.Infra.Tests;

/// <summary>Shares one compiled template between all test classes.</summary>
[CollectionDefinition(Name)]
public sealed class ArmTemplateGroup : ICollectionFixture<ArmTemplateFixture>
{
    public const string Name = "Compiled ARM template";
}
