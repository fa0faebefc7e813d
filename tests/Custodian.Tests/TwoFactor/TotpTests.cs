using Custodian.Server.Features.TwoFactor;

namespace Custodian.Tests.TwoFactor;

/// <summary>RFC 6238 appendix B (SHA-1 key "12345678901234567890"), truncated to six digits as apps show them.</summary>
public sealed class TotpTests
{
    static readonly byte[] Key = "12345678901234567890"u8.ToArray();

    [Theory]
    [InlineData(59L, "287082")]
    [InlineData(1111111109L, "081804")]
    [InlineData(1234567890L, "005924")]
    [InlineData(20000000000L, "353130")]
    public void Code_Rfc6238Vectors_Match(long unixSeconds, string expected) =>
        Assert.Equal(expected, Totp.Code(Key, unixSeconds / Totp.StepSeconds));

    [Fact]
    public void MatchingStep_WithinOneStep_AcceptedBeyondRefused()
    {
        var key = Totp.NewKey();
        var now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
        var step = Totp.StepAt(now);
        var raw = Totp.Base32Decode(key)!;
        Assert.Equal(step - 1, Totp.MatchingStep(key, Totp.Code(raw, step - 1), now));
        Assert.Equal(step + 1, Totp.MatchingStep(key, Totp.Code(raw, step + 1), now));
        Assert.Null(Totp.MatchingStep(key, Totp.Code(raw, step + 2), now));
        Assert.Null(Totp.MatchingStep(key, "12a456", now));
    }

    [Fact]
    public void Base32_RoundTrips() =>
        Assert.Equal(Key, Totp.Base32Decode(Totp.Base32Encode(Key).ToLowerInvariant()));
}
