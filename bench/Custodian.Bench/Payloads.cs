using Custodian.Server.Features.Vault;

namespace Custodian.Bench;

/// <summary>
/// Random ciphertext with the sizes real clients produce: an EncString type 2 is a 16-byte IV, AES-CBC blocks of
/// the padded plaintext and a 32-byte MAC, so the stored length follows the plaintext length exactly.
/// </summary>
public sealed class Payloads(int seed)
{
    readonly Random _random = new(seed);

    public string EncString(int plaintextBytes)
    {
        var cipherBytes = (plaintextBytes / 16 + 1) * 16;
        return $"2.{Base64(16)}|{Base64(cipherBytes)}|{Base64(32)}";
    }

    /// <summary>An RSA-2048 OAEP ciphertext (type 4), as org and provider keys are wrapped to a member.</summary>
    public string RsaEncString() => $"4.{Base64(256)}";

    /// <summary>A base64 SPKI RSA-2048 public key.</summary>
    public string PublicKey() => Base64(294);

    public string Base64(int bytes)
    {
        var buffer = new byte[bytes];
        _random.NextBytes(buffer);
        return Convert.ToBase64String(buffer);
    }

    public int Next(int max) => _random.Next(max);

    /// <summary>
    /// Mostly logins (name, username, a 20-character password, one or two URIs, sometimes notes and a TOTP
    /// secret), with secure notes and cards mixed in the way an exported vault looks.
    /// </summary>
    public (CipherType Type, string Data) Item()
    {
        var roll = _random.Next(100);
        if (roll < 80)
        {
            var uris = Enumerable.Range(0, 1 + _random.Next(2))
                .Select(_ => new LoginUriData(EncString(30 + _random.Next(40)), EncString(44), null)).ToList();
            var login = new LoginData(EncString(12 + _random.Next(20)), EncString(20), null,
                _random.Next(10) == 0 ? EncString(32) : null, null, uris, null);
            var notes = _random.Next(4) == 0 ? EncString(40 + _random.Next(200)) : null;
            return (CipherType.Login, Data(EncString(10 + _random.Next(20)), notes, login: login));
        }
        if (roll < 92)
        {
            return (CipherType.SecureNote, Data(EncString(10 + _random.Next(20)), EncString(100 + _random.Next(800)), note: new SecureNoteData(0)));
        }
        var card = new CardData(EncString(16), EncString(4), EncString(16), EncString(2), EncString(4), EncString(3));
        return (CipherType.Card, Data(EncString(10 + _random.Next(20)), null, card: card));
    }

    static string Data(string name, string? notes, LoginData? login = null, SecureNoteData? note = null, CardData? card = null) =>
        new CipherData(name, notes, null, null, login, note, card, null, null, null, null, null, null).Serialize();
}
