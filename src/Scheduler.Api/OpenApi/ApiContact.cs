namespace Scheduler.Api.OpenApi;

/// <summary>Who answers for the API and under which terms, as the document's <c>info</c> states them.</summary>
internal static class ApiContact
{
    public const string Name = "Scheduler maintainers";

    /// <summary>The repository carries no licence file: the API is offered under no licence until its owners choose one.</summary>
    public const string License = "UNLICENSED";
}
