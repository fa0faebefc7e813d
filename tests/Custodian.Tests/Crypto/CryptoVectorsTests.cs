using System.Text;
using System.Text.Json.Nodes;
using Custodian.Tests.Support;

namespace Custodian.Tests.Crypto;

/// <summary>The vectors the web UI's crypto is tested against, pinned to this helper so both clients agree byte for byte.</summary>
public sealed class CryptoVectorsTests
{
    static readonly JsonObject Vectors = JsonNode.Parse(File.ReadAllText(
        Path.Combine(AppContext.BaseDirectory, "vectors", "crypto-vectors.json")))!.AsObject();

    static string Str(JsonNode? o, string name) => o![name]!.GetValue<string>();

    static byte[] Bytes(JsonNode? o, string name) => Convert.FromBase64String(Str(o, name));

    static KdfSettings Kdf(JsonNode v) => new((KdfType)v["kdfType"]!.GetValue<int>(), v["iterations"]!.GetValue<int>(),
        v["memory"]?.GetValue<int>(), v["parallelism"]?.GetValue<int>());

    static JsonNode KdfCase(string name) => Vectors["kdf"]!.AsArray().Single(n => Str(n, "name") == name)!;

    public static TheoryData<string> KdfNames => ["pbkdf2-5000", "argon2id-3-64-4"];

    [Theory]
    [MemberData(nameof(KdfNames))]
    public void MasterKey_HashAndStretch_MatchVectors(string name)
    {
        var v = KdfCase(name);
        var password = Str(Vectors, "password");
        var masterKey = ClientCrypto.MasterKey(password, Str(Vectors, "email"), Kdf(v));
        Assert.Equal(Str(v, "masterKey"), Convert.ToBase64String(masterKey));
        Assert.Equal(Str(v, "masterPasswordHash"), ClientCrypto.MasterPasswordHash(masterKey, password));
        var stretched = ClientCrypto.StretchMasterKey(masterKey);
        Assert.Equal(Str(v, "stretchedEncKey"), Convert.ToBase64String(stretched.EncKey));
        Assert.Equal(Str(v, "stretchedMacKey"), Convert.ToBase64String(stretched.MacKey));
    }

    [Fact]
    public void EncString_WithFixedIv_MatchesVectorAndDecrypts()
    {
        var v = Vectors["encString"];
        var key = SymmetricKey.FromBytes(Bytes(v, "key"));
        var encrypted = ClientCrypto.EncryptToEncString(Encoding.UTF8.GetBytes(Str(v, "plaintext")), key, Bytes(v, "iv"));
        Assert.Equal(Str(v, "encString"), encrypted);
        Assert.Equal(Str(v, "plaintext"), ClientCrypto.DecryptEncStringUtf8(Str(v, "encString"), key));
    }

    [Fact]
    public void ProtectedUserKey_UnderStretchedMasterKey_MatchesVector()
    {
        var v = Vectors["protectedUserKey"]!;
        var kdf = KdfCase(Str(v, "kdf"));
        var stretched = SymmetricKey.FromBytes([.. Bytes(kdf, "stretchedEncKey"), .. Bytes(kdf, "stretchedMacKey")]);
        Assert.Equal(Str(v, "encString"), ClientCrypto.EncryptToEncString(Bytes(v, "userKey"), stretched, Bytes(v, "iv")));
        Assert.Equal(Bytes(v, "userKey"), ClientCrypto.DecryptEncString(Str(v, "encString"), stretched));
    }

    [Fact]
    public void Rsa_FixedType4String_DecryptsWithFixedKey()
    {
        var v = Vectors["rsa"];
        var plaintext = ClientCrypto.RsaDecrypt(Str(v, "encString"), Bytes(v, "privateKeyPkcs8"));
        Assert.Equal(Str(v, "plaintext"), Encoding.UTF8.GetString(plaintext));
        var roundTrip = ClientCrypto.RsaEncrypt(plaintext, Bytes(v, "publicKeySpki"));
        Assert.Equal(plaintext, ClientCrypto.RsaDecrypt(roundTrip, Bytes(v, "privateKeyPkcs8")));
    }
}
