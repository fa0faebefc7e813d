using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Custodian.Tests.Support;
using Konscious.Security.Cryptography;

namespace Custodian.Tests.Crypto;

/// <summary>The test helper's crypto checked against published known answers, so server tests rest on real client behaviour.</summary>
public sealed class ClientCryptoTests
{
    static readonly JsonObject Vectors = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "vectors", "crypto.json")))!.AsObject();

    static IEnumerable<JsonObject> Cases(string name) => Vectors[name]!.AsArray().Select(n => n!.AsObject());

    static string Str(JsonObject o, string name) => o[name]!.GetValue<string>();

    [Fact]
    public void MasterPasswordHash_MatchesKnownAnswers()
    {
        foreach (var v in Cases("masterPasswordHash"))
        {
            var kdf = new KdfSettings((KdfType)v["kdfType"]!.GetValue<int>(), v["iterations"]!.GetValue<int>());
            var masterKey = ClientCrypto.MasterKey(Str(v, "password"), Str(v, "email"), kdf);
            Assert.Equal(Str(v, "hash"), ClientCrypto.MasterPasswordHash(masterKey, Str(v, "password")));
        }
    }

    [Fact]
    public void HkdfExpand_MatchesRfc5869()
    {
        foreach (var v in Cases("hkdfExpand"))
        {
            var okm = HKDF.Expand(HashAlgorithmName.SHA256, Convert.FromHexString(Str(v, "prkHex")),
                v["length"]!.GetValue<int>(), Convert.FromHexString(Str(v, "infoHex")));
            Assert.Equal(Str(v, "okmHex"), Convert.ToHexStringLower(okm));
        }
    }

    [Fact]
    public void Argon2id_MatchesRfc9106()
    {
        foreach (var v in Cases("argon2id"))
        {
            using var argon = new Argon2id(Convert.FromHexString(Str(v, "passwordHex")))
            {
                Salt = Convert.FromHexString(Str(v, "saltHex")),
                KnownSecret = Convert.FromHexString(Str(v, "secretHex")),
                AssociatedData = Convert.FromHexString(Str(v, "associatedDataHex")),
                Iterations = v["iterations"]!.GetValue<int>(),
                MemorySize = v["memoryKiB"]!.GetValue<int>(),
                DegreeOfParallelism = v["parallelism"]!.GetValue<int>(),
            };
            Assert.Equal(Str(v, "tagHex"), Convert.ToHexStringLower(argon.GetBytes(32)));
        }
    }

    [Fact]
    public void EncString_MatchesKnownAnswerAndDecrypts()
    {
        foreach (var v in Cases("encString"))
        {
            var key = SymmetricKey.FromBytes(Convert.FromHexString(Str(v, "keyHex")));
            var encrypted = ClientCrypto.EncryptToEncString(Encoding.UTF8.GetBytes(Str(v, "plaintext")), key,
                Convert.FromHexString(Str(v, "ivHex")));
            Assert.Equal(Str(v, "encString"), encrypted);
            Assert.Equal(Str(v, "plaintext"), ClientCrypto.DecryptEncStringUtf8(Str(v, "encString"), key));
        }
    }

    [Fact]
    public void EncString_TamperedMac_IsRejected()
    {
        var key = SymmetricKey.Random();
        var parts = ClientCrypto.EncryptToEncString("secret", key).Split('|');
        var tampered = $"{parts[0]}|{parts[1]}|{Convert.ToBase64String(new byte[32])}";

        Assert.Throws<CryptographicException>(() => ClientCrypto.DecryptEncString(tampered, key));
        Assert.Throws<CryptographicException>(() => ClientCrypto.DecryptEncString(ClientCrypto.EncryptToEncString("x", key), SymmetricKey.Random()));
    }

    [Fact]
    public void Argon2Account_DerivesWithHashedEmailSalt()
    {
        var kdf = new KdfSettings(KdfType.Argon2id, 1, 1, 1);
        var expected = Argon(kdf, "pw", SHA256.HashData("user@example.com"u8.ToArray()));

        Assert.Equal(expected, ClientCrypto.MasterKey("pw", " User@Example.com", kdf));
    }

    [Fact]
    public void Account_UserKeyAndPrivateKey_RoundTripThroughMasterKey()
    {
        var account = ClientAccount.CreateFast("someone@example.com", "pw");
        var stretched = ClientCrypto.StretchMasterKey(account.MasterKey);

        Assert.Equal(account.UserKey.ToBytes(), ClientCrypto.DecryptEncString(account.ProtectedUserKey, stretched));
        Assert.Equal(account.PrivateKeyPkcs8, ClientCrypto.DecryptEncString(account.EncryptedPrivateKey, account.UserKey));
        var orgKey = RandomNumberGenerator.GetBytes(64);
        Assert.Equal(orgKey, ClientCrypto.RsaDecrypt(ClientCrypto.RsaEncrypt(orgKey, account.PublicKeySpki), account.PrivateKeyPkcs8));

        var changed = account.WithNewPassword("new pw");
        Assert.NotEqual(account.MasterPasswordHash, changed.MasterPasswordHash);
        Assert.Equal(account.UserKey.ToBytes(), ClientCrypto.DecryptEncString(changed.ProtectedUserKey, ClientCrypto.StretchMasterKey(changed.MasterKey)));
    }

    static byte[] Argon(KdfSettings kdf, string password, byte[] salt)
    {
        using var argon = new Argon2id(Encoding.UTF8.GetBytes(password))
        {
            Salt = salt, Iterations = kdf.Iterations, MemorySize = kdf.Memory!.Value * 1024, DegreeOfParallelism = kdf.Parallelism!.Value,
        };
        return argon.GetBytes(32);
    }
}
