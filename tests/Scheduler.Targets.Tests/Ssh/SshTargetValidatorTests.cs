using Microsoft.Extensions.Configuration;
using Scheduler.Core.Connections;
using Scheduler.Core.Targets;
using Scheduler.Targets.Secrets;
using Scheduler.Targets.Ssh;
using Scheduler.Targets.Tests.Support;

namespace Scheduler.Targets.Tests.Ssh;

public sealed class SshTargetValidatorTests
{
    private const string Pin = "SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU";
    private readonly SshTargetValidator validator;

    public SshTargetValidatorTests()
    {
        var connections = new InMemoryConnectionStore().Add(new ConnectionProfile
        {
            Name = "prod-box", Host = "box.example.com", User = "deploy", SecretRef = "deploy-key", HostKeyFingerprint = Pin,
        });
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Scheduler:Secrets:deploy-key"] = "x" }).Build();
        validator = new SshTargetValidator(connections, new ConfigurationSecretResolver(configuration));
    }

    [Fact]
    public async Task ValidateAsync_ExistingProfile_ReportsNothing()
    {
        Assert.Empty(await Validate(new SshTargetSpec { Connection = "prod-box", Commands = ["uptime"] }));
    }

    [Fact]
    public async Task ValidateAsync_CompleteInlineEndpoint_ReportsNothing()
    {
        Assert.Empty(await Validate(Inline()));
    }

    [Fact]
    public async Task ValidateAsync_MissingProfile_ReportsConnection()
    {
        var errors = await Validate(new SshTargetSpec { Connection = "nope", Commands = ["uptime"] });

        Assert.Equal(["target.connection"], errors);
    }

    [Fact]
    public async Task ValidateAsync_ProfileAndInlineFields_ReportsInlineFields()
    {
        var errors = await Validate(new SshTargetSpec { Connection = "prod-box", Host = "other", SecretRef = "deploy-key", Commands = ["uptime"] });

        Assert.Equal(["target.host", "target.secretRef"], errors);
    }

    [Fact]
    public async Task ValidateAsync_InlineWithoutEndpointFields_ReportsEachRequiredField()
    {
        var errors = await Validate(new SshTargetSpec { Commands = ["uptime"] });

        Assert.Equal(["target.host", "target.user", "target.hostKeyFingerprint", "target.secretRef"], errors);
    }

    [Fact]
    public async Task ValidateAsync_UnknownSecretReference_ReportsSecretRef()
    {
        var errors = await validator.ValidateAsync(Inline() with { SecretRef = "missing" }, CancellationToken.None);

        var error = Assert.Single(errors);
        Assert.Equal("target.secretRef", error.Field);
        Assert.Equal("There is no secret named 'missing'.", error.Message);
    }

    [Theory]
    [InlineData("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----")]
    [InlineData("-----BEGIN RSA PRIVATE KEY-----")]
    public async Task ValidateAsync_KeyPastedAsSecretRef_RefusedAsSecretByValue(string pasted)
    {
        var errors = await validator.ValidateAsync(Inline() with { SecretRef = pasted }, CancellationToken.None);

        var error = Assert.Single(errors);
        Assert.Equal("target.secretRef", error.Field);
        Assert.Contains("Secrets go by reference", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateAsync_KeyInCommand_RefusedAsSecretByValue()
    {
        var errors = await Validate(Inline() with { Commands = ["uptime", "echo '-----BEGIN PRIVATE KEY-----' > k"] });

        Assert.Equal(["target.commands[1]"], errors);
    }

    [Fact]
    public async Task ValidateAsync_NoCommands_ReportsCommands()
    {
        Assert.Equal(["target.commands"], await Validate(Inline() with { Commands = [] }));
    }

    [Theory]
    [InlineData("SHA256:short")]
    [InlineData("MD5:16:27:ac:a5:76:28:2d:36:63:1b:56:4d:eb:df:a6:48")]
    public async Task ValidateAsync_MalformedFingerprint_ReportsFingerprint(string fingerprint)
    {
        Assert.Equal(["target.hostKeyFingerprint"], await Validate(Inline() with { HostKeyFingerprint = fingerprint }));
    }

    [Fact]
    public async Task JobValidator_SshTargetWithUnknownProfile_RefusedAtSubmission()
    {
        using var host = new TargetHost(new Dictionary<string, string?>());

        var errors = await host.JobValidator.ValidateAsync(Invocations.Job(new SshTargetSpec { Connection = "nope", Commands = ["true"] }), CancellationToken.None);

        Assert.Contains(errors.All, e => e.Field == "target.connection");
    }

    private static SshTargetSpec Inline() => new()
    {
        Host = "box.example.com", User = "deploy", SecretRef = "deploy-key", HostKeyFingerprint = Pin, Commands = ["uptime"],
    };

    private async Task<List<string>> Validate(SshTargetSpec spec) =>
        [.. (await validator.ValidateAsync(spec, CancellationToken.None)).Select(e => e.Field)];
}
