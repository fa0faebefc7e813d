using System.Buffers.Text;
using System.ComponentModel.DataAnnotations;

namespace Custodian.Server.Infrastructure.Http;

/// <summary>
/// Accepts only well-formed EncStrings (<c>type.part|part…</c> with base64 parts, part count per type).
/// The server never decrypts; it only refuses shapes no client could have produced.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field)]
public sealed class EncryptedStringAttribute : ValidationAttribute
{
    public EncryptedStringAttribute() : base("{0} is not a valid encrypted string.") { }

    public override bool IsValid(object? value) => value switch
    {
        null => true,   // [Required] decides about null
        string s => IsEncString(s),
        IEnumerable<string> list => list.All(IsEncString),
        _ => false,
    };

    public static bool IsEncString(string value)
    {
        var dot = value.IndexOf('.', StringComparison.Ordinal);
        if (dot != 1 || !char.IsAsciiDigit(value[0]))
        {
            return false;
        }
        var parts = value[2..].Split('|');
        var expected = (value[0] - '0') switch
        {
            0 => 2,      // AesCbc256_B64: iv|ct (legacy, decrypt only)
            1 or 2 => 3, // AesCbc*_HmacSha256_B64: iv|ct|mac
            3 or 4 => 1, // Rsa2048_OaepSha256_B64 / OaepSha1_B64
            5 or 6 => 2, // RSA with HMAC (legacy)
            7 => 1,      // COSE Encrypt0
            _ => -1,
        };
        return parts.Length == expected && parts.All(p => p.Length > 0 && Base64.IsValid(p));
    }
}

/// <summary>Bitwarden's <c>[EncryptedStringLength]</c>: too long is a 400, never a silent truncation.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field)]
public sealed class EncryptedStringLengthAttribute(int maximumLength)
    : StringLengthAttribute(maximumLength)
{
    public override string FormatErrorMessage(string name) =>
        $"The field {name} exceeds the maximum encrypted value length of {MaximumLength} characters.";
}
