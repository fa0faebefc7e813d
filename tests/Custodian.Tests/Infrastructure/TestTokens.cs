namespace Custodian.Tests.Infrastructure;

public static class TestTokens
{
    /// <summary>
    /// The token with one character in its middle changed. Replacing its last characters is not enough: they may
    /// already be the replacement, and the last character of unpadded base64 carries bits the decoder drops, so
    /// such a "tampered" token can decode to the very same bytes (the likely cause of a CI failure, 2026-12-07).
    /// </summary>
    public static string Tampered(string token)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        var middle = token.Length / 2;
        var replacement = token[middle] == 'A' ? 'B' : 'A';
        return string.Concat(token.AsSpan(0, middle), replacement.ToString(), token.AsSpan(middle + 1));
    }
}
