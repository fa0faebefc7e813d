using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Custodian.Server.Features.TwoFactor;

/// <summary>
/// RFC 6238 time-based one-time passwords as authenticator apps compute them: HMAC-SHA1, 30-second steps, six
/// digits, the key shown in base32 (RFC 4648, no padding) like Bitwarden's.
/// </summary>
public static class Totp
{
    public const int StepSeconds = 30;

    /// <summary>A fresh 160-bit key, base32 (the length RFC 4226 recommends and Bitwarden uses).</summary>
    public static string NewKey() => Base32Encode(RandomNumberGenerator.GetBytes(20));

    public static long StepAt(DateTimeOffset time) => time.ToUnixTimeSeconds() / StepSeconds;

    public static string Code(byte[] key, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> mac = stackalloc byte[20];
        HMACSHA1.HashData(key, counter, mac);
        var offset = mac[19] & 0x0f;
        var value = (BinaryPrimitives.ReadInt32BigEndian(mac[offset..]) & 0x7fffffff) % 1_000_000;
        return value.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The step whose code matches within one step either side of now (clock drift), or null. The caller refuses
    /// steps at or before the last one accepted, so a code cannot be replayed.
    /// </summary>
    public static long? MatchingStep(string base32Key, string? code, DateTimeOffset now)
    {
        code = code?.Replace(" ", "", StringComparison.Ordinal).Trim();
        if (code is not { Length: 6 } || !code.All(char.IsAsciiDigit) || Base32Decode(base32Key) is not { } key)
        {
            return null;
        }
        var current = StepAt(now);
        long? match = null;
        for (var step = current - 1; step <= current + 1; step++)
        {
            // Every candidate is compared, in constant time, so timing tells nothing about which one matched.
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Code(key, step)), Encoding.ASCII.GetBytes(code)))
            {
                match = step;
            }
        }
        return match;
    }

    const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static string Base32Encode(ReadOnlySpan<byte> data)
    {
        var text = new StringBuilder((data.Length * 8 + 4) / 5);
        int buffer = 0, bits = 0;
        foreach (var b in data)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                text.Append(Alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0)
        {
            text.Append(Alphabet[(buffer << (5 - bits)) & 31]);
        }
        return text.ToString();
    }

    /// <summary>Case-insensitive, spaces and padding ignored; null when not base32.</summary>
    public static byte[]? Base32Decode(string text)
    {
        var bytes = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in text.ToUpperInvariant())
        {
            if (c is ' ' or '=')
            {
                continue;
            }
            var value = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                return null;
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return bytes.Count == 0 ? null : [.. bytes];
    }
}
