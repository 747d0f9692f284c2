using Scheduler.Targets.Ssh;

namespace Scheduler.Targets.Tests.Ssh;

public sealed class HostKeyPinTests
{
    [Theory]
    [InlineData("SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU")]
    [InlineData("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU")]
    [InlineData("sha256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=")]
    [InlineData(" SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU= ")]
    public void Normalize_AnyNotation_GivesUnpaddedBase64(string fingerprint)
    {
        Assert.Equal("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU", HostKeyPin.Normalize(fingerprint));
        Assert.True(HostKeyPin.IsWellFormed(fingerprint));
    }
}
