using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Custodian.Server.Infrastructure.Security;

/// <summary>
/// Encrypts the secret parts of Data Protection keys (AES-256-GCM under a key derived from
/// <see cref="ServerSecretKey"/>) before the key ring is written to the database.
/// </summary>
public sealed class KeyRingEncryptor(ServerSecretKey secret) : IXmlEncryptor
{
    internal const string ElementName = "custodianSecret";
    const int NonceSize = 12;
    const int TagSize = 16;

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plain = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var sealedBytes = new byte[NonceSize + TagSize + plain.Length];
        var (nonce, tag, cipher) = Split(sealedBytes);
        RandomNumberGenerator.Fill(nonce.Span);
        using (var aes = new AesGcm(DeriveKey(secret), TagSize))
        {
            aes.Encrypt(nonce.Span, plain, cipher.Span, tag.Span);
        }
        CryptographicOperations.ZeroMemory(plain);
        return new EncryptedXmlInfo(new XElement(ElementName, new XAttribute("version", 1), Convert.ToBase64String(sealedBytes)),
            typeof(KeyRingDecryptor));
    }

    internal static XElement Decrypt(ServerSecretKey secret, XElement encrypted)
    {
        var sealedBytes = Convert.FromBase64String(encrypted.Value);
        if (encrypted.Name != ElementName || sealedBytes.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("Not a key-ring secret encrypted by this server.");
        }
        var (nonce, tag, cipher) = Split(sealedBytes);
        var plain = new byte[cipher.Length];
        using (var aes = new AesGcm(DeriveKey(secret), TagSize))
        {
            // Throws when the key differs from the one that encrypted the ring (another instance's key file).
            aes.Decrypt(nonce.Span, cipher.Span, tag.Span, plain);
        }
        try
        {
            return XElement.Parse(Encoding.UTF8.GetString(plain));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    /// <summary>Nonce, tag and ciphertext, in that order, within one buffer.</summary>
    static (Memory<byte> Nonce, Memory<byte> Tag, Memory<byte> Cipher) Split(byte[] sealedBytes) =>
        (sealedBytes.AsMemory(0, NonceSize), sealedBytes.AsMemory(NonceSize, TagSize), sealedBytes.AsMemory(NonceSize + TagSize));

    /// <summary>A key for this one use, so the server key could later protect something else without reuse.</summary>
    static byte[] DeriveKey(ServerSecretKey secret) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, secret.Key, 32, info: Encoding.UTF8.GetBytes("Custodian.DataProtection.KeyRing"));
}

/// <summary>Made by Data Protection's activator from the type name stored next to each encrypted secret.</summary>
public sealed class KeyRingDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement) =>
        KeyRingEncryptor.Decrypt(services.GetRequiredService<ServerSecretKey>(), encryptedElement);
}
