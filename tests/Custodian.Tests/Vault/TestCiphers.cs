using Custodian.Tests.Infrastructure;

namespace Custodian.Tests.Vault;

/// <summary>Cipher bodies as the clients build them: every user-typed field encrypted with the user key.</summary>
public static class TestCiphers
{
    public static Dictionary<string, object?> Login(TestUser user, string name = "Email", string? folderId = null) => new()
    {
        ["type"] = 1,
        ["name"] = user.Account.Encrypt(name),
        ["notes"] = user.Account.Encrypt("some notes"),
        ["folderId"] = folderId,
        ["favorite"] = false,
        ["reprompt"] = 0,
        ["login"] = new
        {
            username = user.Account.Encrypt("alice"),
            password = user.Account.Encrypt("s3cret!"),
            totp = user.Account.Encrypt("otpauth://totp/x?secret=JBSWY3DPEHPK3PXP"),
            uris = new[] { new { uri = user.Account.Encrypt("https://example.com"), match = 0 } },
        },
        ["fields"] = new[] { new { type = 1, name = user.Account.Encrypt("pin"), value = user.Account.Encrypt("1234"), linkedId = (int?)null } },
        ["passwordHistory"] = new[] { new { password = user.Account.Encrypt("old"), lastUsedDate = "2026-01-01T00:00:00Z" } },
    };

    public static Dictionary<string, object?> OfType(TestUser user, int type)
    {
        var a = user.Account;
        var body = new Dictionary<string, object?> { ["type"] = type, ["name"] = a.Encrypt($"item of type {type}"), ["reprompt"] = 0 };
        switch (type)
        {
            case 1:
                return Login(user, $"item of type {type}");
            case 2:
                body["secureNote"] = new { type = 0 };
                body["notes"] = a.Encrypt("the note");
                break;
            case 3:
                body["card"] = new { cardholderName = a.Encrypt("A B"), brand = a.Encrypt("Visa"), number = a.Encrypt("4111111111111111"),
                    expMonth = a.Encrypt("12"), expYear = a.Encrypt("2030"), code = a.Encrypt("123") };
                break;
            case 4:
                body["identity"] = new { firstName = a.Encrypt("Ada"), lastName = a.Encrypt("Lovelace"), email = a.Encrypt("ada@example.com") };
                break;
            case 5:
                body["sshKey"] = new { privateKey = a.Encrypt("-----BEGIN OPENSSH PRIVATE KEY-----"), publicKey = a.Encrypt("ssh-ed25519 AAAA"),
                    keyFingerprint = a.Encrypt("SHA256:abc") };
                break;
        }
        return body;
    }

    public static async Task<Guid> CreateAsync(TestUser user, Dictionary<string, object?>? body = null)
    {
        var created = await user.Client.PostJsonAsync("/api/ciphers", body ?? Login(user));
        return Guid.Parse(created["id"]!.GetValue<string>());
    }

    public static async Task<Guid> CreateFolderAsync(TestUser user, string name = "Work")
    {
        var folder = await user.Client.PostJsonAsync("/api/folders", new { name = user.Account.Encrypt(name) });
        return Guid.Parse(folder["id"]!.GetValue<string>());
    }
}
