using System.Security.Cryptography;
using System.Text;
using Konscious.Security.Cryptography;

namespace Custodian.Tests.Support;

public enum KdfType
{
    Pbkdf2Sha256 = 0,
    Argon2id = 1,
}

/// <summary>KDF settings as a client stores them; memory is in MiB like the Bitwarden API.</summary>
public sealed record KdfSettings(KdfType Type, int Iterations, int? Memory = null, int? Parallelism = null)
{
    public static readonly KdfSettings Default = new(KdfType.Pbkdf2Sha256, 600_000);
    public static readonly KdfSettings Argon2Default = new(KdfType.Argon2id, 3, 64, 4);
}

/// <summary>A 64-byte symmetric key: AES-256 encryption half and HMAC-SHA256 half.</summary>
public sealed class SymmetricKey
{
    SymmetricKey(byte[] encKey, byte[] macKey)
    {
        EncKey = encKey;
        MacKey = macKey;
    }

    public byte[] EncKey { get; }
    public byte[] MacKey { get; }

    public static SymmetricKey Random() => FromBytes(RandomNumberGenerator.GetBytes(64));

    public static SymmetricKey FromBytes(byte[] bytes)
    {
        if (bytes.Length != 64)
            throw new ArgumentException("A symmetric key has 64 bytes.", nameof(bytes));
        return new SymmetricKey(bytes[..32], bytes[32..]);
    }

    public byte[] ToBytes() => [.. EncKey, .. MacKey];
}

/// <summary>
/// The client side of Bitwarden's key hierarchy, so tests create and use accounts the way the official apps do.
/// Deliberately independent of the server's code: a bug on one side must not be mirrored on the other.
/// </summary>
public static class ClientCrypto
{
    public static byte[] MasterKey(string password, string email, KdfSettings kdf)
    {
        var salt = email.Trim().ToLowerInvariant();
        var passwordBytes = Encoding.UTF8.GetBytes(password);
        switch (kdf.Type)
        {
            case KdfType.Pbkdf2Sha256:
                return Rfc2898DeriveBytes.Pbkdf2(passwordBytes, Encoding.UTF8.GetBytes(salt), kdf.Iterations,
                    HashAlgorithmName.SHA256, 32);
            case KdfType.Argon2id:
                // Argon2 needs a 16-byte-plus salt, so clients hash the email first.
                using (var argon = new Argon2id(passwordBytes))
                {
                    argon.Salt = SHA256.HashData(Encoding.UTF8.GetBytes(salt));
                    argon.Iterations = kdf.Iterations;
                    argon.MemorySize = kdf.Memory!.Value * 1024;
                    argon.DegreeOfParallelism = kdf.Parallelism!.Value;
                    return argon.GetBytes(32);
                }
            default:
                throw new ArgumentOutOfRangeException(nameof(kdf));
        }
    }

    /// <summary>The value a client sends as its password: one PBKDF2 round of the master key salted with the password.</summary>
    public static string MasterPasswordHash(byte[] masterKey, string password) =>
        Convert.ToBase64String(Rfc2898DeriveBytes.Pbkdf2(masterKey, Encoding.UTF8.GetBytes(password), 1,
            HashAlgorithmName.SHA256, 32));

    public static SymmetricKey StretchMasterKey(byte[] masterKey) => SymmetricKey.FromBytes(
    [
        .. HKDF.Expand(HashAlgorithmName.SHA256, masterKey, 32, "enc"u8.ToArray()),
        .. HKDF.Expand(HashAlgorithmName.SHA256, masterKey, 32, "mac"u8.ToArray()),
    ]);

    /// <summary>EncString type 2: AES-256-CBC with HMAC-SHA256 over IV and ciphertext.</summary>
    public static string EncryptToEncString(byte[] plaintext, SymmetricKey key, byte[]? iv = null)
    {
        iv ??= RandomNumberGenerator.GetBytes(16);
        using var aes = Aes.Create();
        aes.Key = key.EncKey;
        var cipherText = aes.EncryptCbc(plaintext, iv);
        var mac = HMACSHA256.HashData(key.MacKey, (byte[])[.. iv, .. cipherText]);
        return $"2.{Convert.ToBase64String(iv)}|{Convert.ToBase64String(cipherText)}|{Convert.ToBase64String(mac)}";
    }

    public static string EncryptToEncString(string plaintext, SymmetricKey key) =>
        EncryptToEncString(Encoding.UTF8.GetBytes(plaintext), key);

    public static byte[] DecryptEncString(string encString, SymmetricKey key)
    {
        if (!encString.StartsWith("2.", StringComparison.Ordinal))
            throw new CryptographicException($"Unsupported EncString type in '{encString[..Math.Min(4, encString.Length)]}'.");
        var parts = encString[2..].Split('|');
        if (parts.Length != 3)
            throw new CryptographicException("A type 2 EncString has three parts.");
        var iv = Convert.FromBase64String(parts[0]);
        var cipherText = Convert.FromBase64String(parts[1]);
        var mac = Convert.FromBase64String(parts[2]);
        var expected = HMACSHA256.HashData(key.MacKey, (byte[])[.. iv, .. cipherText]);
        if (!CryptographicOperations.FixedTimeEquals(mac, expected))
            throw new CryptographicException("EncString MAC mismatch.");
        using var aes = Aes.Create();
        aes.Key = key.EncKey;
        return aes.DecryptCbc(cipherText, iv);
    }

    public static string DecryptEncStringUtf8(string encString, SymmetricKey key) =>
        Encoding.UTF8.GetString(DecryptEncString(encString, key));

    /// <summary>A 2048-bit RSA pair: SPKI public key and PKCS#8 private key, both DER.</summary>
    public static (byte[] PublicKeySpki, byte[] PrivateKeyPkcs8) GenerateRsaKeyPair()
    {
        using var rsa = RSA.Create(2048);
        return (rsa.ExportSubjectPublicKeyInfo(), rsa.ExportPkcs8PrivateKey());
    }

    /// <summary>EncString type 4: RSA-OAEP with SHA-1, how org and provider keys are wrapped to a user.</summary>
    public static string RsaEncrypt(byte[] plaintext, byte[] publicKeySpki)
    {
        using var rsa = RSA.Create();
        rsa.ImportSubjectPublicKeyInfo(publicKeySpki, out _);
        return "4." + Convert.ToBase64String(rsa.Encrypt(plaintext, RSAEncryptionPadding.OaepSHA1));
    }

    public static byte[] RsaDecrypt(string encString, byte[] privateKeyPkcs8)
    {
        if (!encString.StartsWith("4.", StringComparison.Ordinal))
            throw new CryptographicException("Expected a type 4 EncString.");
        using var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(privateKeyPkcs8, out _);
        return rsa.Decrypt(Convert.FromBase64String(encString[2..]), RSAEncryptionPadding.OaepSHA1);
    }
}

/// <summary>Everything a client derives and generates for one account.</summary>
public sealed class ClientAccount
{
    /// <summary>Cheap enough that hundreds of test accounts cost nothing; the server's floor is lowered to match.</summary>
    public static readonly KdfSettings FastKdf = new(KdfType.Pbkdf2Sha256, 5000);

    ClientAccount(string email, string password, KdfSettings kdf, SymmetricKey userKey, byte[] publicKey, byte[] privateKey)
    {
        Email = email;
        Password = password;
        Kdf = kdf;
        MasterKey = ClientCrypto.MasterKey(password, email, kdf);
        MasterPasswordHash = ClientCrypto.MasterPasswordHash(MasterKey, password);
        UserKey = userKey;
        ProtectedUserKey = ClientCrypto.EncryptToEncString(userKey.ToBytes(), ClientCrypto.StretchMasterKey(MasterKey));
        PublicKeySpki = publicKey;
        PrivateKeyPkcs8 = privateKey;
        EncryptedPrivateKey = ClientCrypto.EncryptToEncString(privateKey, userKey);
    }

    public string Email { get; }
    public string Password { get; }
    public KdfSettings Kdf { get; }
    public byte[] MasterKey { get; }
    public string MasterPasswordHash { get; }
    public SymmetricKey UserKey { get; }
    public string ProtectedUserKey { get; }
    public byte[] PublicKeySpki { get; }
    public string PublicKey => Convert.ToBase64String(PublicKeySpki);
    public byte[] PrivateKeyPkcs8 { get; }
    public string EncryptedPrivateKey { get; }

    public static ClientAccount Create(string email, string password, KdfSettings kdf)
    {
        var (publicKey, privateKey) = ClientCrypto.GenerateRsaKeyPair();
        return new ClientAccount(email, password, kdf, SymmetricKey.Random(), publicKey, privateKey);
    }

    public static ClientAccount CreateFast(string email, string password) => Create(email, password, FastKdf);

    /// <summary>The same user key and key pair under a new password or KDF, as a password or KDF change produces.</summary>
    public ClientAccount WithNewPassword(string password, KdfSettings? kdf = null) =>
        new(Email, password, kdf ?? Kdf, UserKey, PublicKeySpki, PrivateKeyPkcs8);

    public string Encrypt(string plaintext) => ClientCrypto.EncryptToEncString(plaintext, UserKey);

    public string Decrypt(string encString) => ClientCrypto.DecryptEncStringUtf8(encString, UserKey);
}
