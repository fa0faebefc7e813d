using System.Text;
using System.Text.Json.Nodes;
using Custodian.Tests.Infrastructure;

namespace Custodian.Tests.Compat;

/// <summary>The official CLI manages personal items and folders; values must round-trip exactly.</summary>
[Collection(CompatCollection.Name)]
public sealed class CliVaultTests(CompatServer server) : IClassFixture<CompatServer>
{
    static JsonObject Item(int type, string name, string? folderId = null)
    {
        var item = new JsonObject
        {
            ["organizationId"] = null, ["collectionIds"] = null, ["folderId"] = folderId, ["type"] = type, ["name"] = name,
            ["notes"] = $"notes for {name}", ["favorite"] = type == 1, ["reprompt"] = 0,
            ["fields"] = new JsonArray(new JsonObject { ["name"] = "pin", ["value"] = "4321", ["type"] = 1 }),
        };
        switch (type)
        {
            case 1:
                item["login"] = new JsonObject
                {
                    ["uris"] = new JsonArray(new JsonObject { ["match"] = 1, ["uri"] = "https://github.com/login" }),
                    ["username"] = "octocat", ["password"] = "p@ss w0rd ✓", ["totp"] = "JBSWY3DPEHPK3PXP",
                };
                break;
            case 2:
                item["secureNote"] = new JsonObject { ["type"] = 0 };
                break;
            case 3:
                item["card"] = new JsonObject
                {
                    ["cardholderName"] = "Ada Lovelace", ["brand"] = "Visa", ["number"] = "4111111111111111",
                    ["expMonth"] = "12", ["expYear"] = "2031", ["code"] = "123",
                };
                break;
            case 4:
                item["identity"] = new JsonObject { ["title"] = "Dr", ["firstName"] = "Ada", ["lastName"] = "Lovelace", ["email"] = "ada@example.com" };
                break;
            case 5:
                item["sshKey"] = new JsonObject
                {
                    ["privateKey"] = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----",
                    ["publicKey"] = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGk test@example", ["keyFingerprint"] = "SHA256:abcdef",
                };
                break;
        }
        return item;
    }

    [Fact]
    public async Task CreateListGetEdit_EveryItemType_RoundTrips()
    {
        var (bw, user) = await BwCli.LoginNewUserAsync(server);
        using var _ = bw;
        var folder = (await bw.RunAsync("create", "folder", BwCli.Encode(new JsonObject { ["name"] = "Work" }))).EnsureSuccess("create folder").Json();
        var folderId = folder["id"]!.GetValue<string>();

        var ids = new Dictionary<int, string>();
        foreach (var type in new[] { 1, 2, 3, 4, 5 })
        {
            var created = (await bw.RunAsync("create", "item", BwCli.Encode(Item(type, $"Item {type}", type == 1 ? folderId : null))))
                .EnsureSuccess($"create item type {type}").Json();
            ids[type] = created["id"]!.GetValue<string>();
        }

        var login = (await bw.RunAsync("get", "item", ids[1])).EnsureSuccess("get item").Json();
        Assert.Equal("octocat", login["login"]!["username"]!.GetValue<string>());
        Assert.Equal("p@ss w0rd ✓", login["login"]!["password"]!.GetValue<string>());
        Assert.Equal("https://github.com/login", login["login"]!["uris"]![0]!["uri"]!.GetValue<string>());
        Assert.Equal(1, login["login"]!["uris"]![0]!["match"]!.GetValue<int>());
        Assert.Equal("4321", login["fields"]![0]!["value"]!.GetValue<string>());
        Assert.Equal(folderId, login["folderId"]!.GetValue<string>());
        Assert.True(login["favorite"]!.GetValue<bool>());
        Assert.Equal("4111111111111111", (await bw.RunAsync("get", "item", ids[3])).EnsureSuccess("get card").Json()["card"]!["number"]!.GetValue<string>());
        Assert.Equal("Lovelace", (await bw.RunAsync("get", "item", ids[4])).EnsureSuccess("get identity").Json()["identity"]!["lastName"]!.GetValue<string>());
        Assert.Equal("SHA256:abcdef", (await bw.RunAsync("get", "item", ids[5])).EnsureSuccess("get ssh key").Json()["sshKey"]!["keyFingerprint"]!.GetValue<string>());
        Assert.Equal("notes for Item 2", (await bw.RunAsync("get", "item", ids[2])).EnsureSuccess("get note").Json()["notes"]!.GetValue<string>());

        Assert.Equal(5, (await bw.RunAsync("list", "items")).EnsureSuccess("list items").Json().AsArray().Count);
        Assert.Single((await bw.RunAsync("list", "items", "--search", "Item 3")).EnsureSuccess("list --search").Json().AsArray());
        Assert.Single((await bw.RunAsync("list", "items", "--folderid", folderId)).EnsureSuccess("list --folderid").Json().AsArray());

        login["name"] = "GitHub (renamed)";
        login["login"]!["password"] = "new password";
        (await bw.RunAsync("edit", "item", ids[1], BwCli.Encode(login))).EnsureSuccess("edit item");
        (await bw.RunAsync("sync", "--force")).EnsureSuccess("sync");
        var edited = (await bw.RunAsync("get", "item", ids[1])).EnsureSuccess("get edited").Json();
        Assert.Equal("GitHub (renamed)", edited["name"]!.GetValue<string>());
        Assert.Equal("new password", edited["login"]!["password"]!.GetValue<string>());

        // What the CLI stored is readable with the account's own keys through the API: the same crypto on both sides.
        var fromApi = await user.Client.GetJsonAsync($"/api/ciphers/{ids[1]}");
        Assert.Equal("GitHub (renamed)", DecryptItemName(user, fromApi));
    }

    [Fact]
    public async Task DeleteRestorePermanent_AndFolderLifecycle()
    {
        var (bw, _) = await BwCli.LoginNewUserAsync(server);
        using var _ = bw;
        var id = (await bw.RunAsync("create", "item", BwCli.Encode(Item(2, "Doomed")))).EnsureSuccess("create item").Json()["id"]!.GetValue<string>();

        (await bw.RunAsync("delete", "item", id)).EnsureSuccess("delete item");
        Assert.Single((await bw.RunAsync("list", "items", "--trash")).EnsureSuccess("list --trash").Json().AsArray());
        (await bw.RunAsync("restore", "item", id)).EnsureSuccess("restore item");
        Assert.Empty((await bw.RunAsync("list", "items", "--trash")).EnsureSuccess("list --trash").Json().AsArray());
        (await bw.RunAsync("delete", "item", id, "--permanent")).EnsureSuccess("delete --permanent");
        (await bw.RunAsync("sync", "--force")).EnsureSuccess("sync");
        Assert.NotEqual(0, (await bw.RunAsync("get", "item", id)).ExitCode);

        var folderId = (await bw.RunAsync("create", "folder", BwCli.Encode(new JsonObject { ["name"] = "Old" }))).EnsureSuccess("create folder").Json()["id"]!.GetValue<string>();
        (await bw.RunAsync("edit", "folder", folderId, BwCli.Encode(new JsonObject { ["name"] = "New" }))).EnsureSuccess("edit folder");
        (await bw.RunAsync("sync", "--force")).EnsureSuccess("sync");
        Assert.Equal("New", (await bw.RunAsync("get", "folder", folderId)).EnsureSuccess("get folder").Json()["name"]!.GetValue<string>());
        (await bw.RunAsync("delete", "folder", folderId)).EnsureSuccess("delete folder");
        (await bw.RunAsync("sync", "--force")).EnsureSuccess("sync");
        Assert.DoesNotContain((await bw.RunAsync("list", "folders")).EnsureSuccess("list folders").Json().AsArray(),
            f => f!["id"]?.GetValue<string>() == folderId);
    }

    /// <summary>The CLI may use a per-item key; the name is then under that key, which is under the user key.</summary>
    static string DecryptItemName(TestUser user, JsonObject cipher)
    {
        if (cipher["key"]?.GetValue<string>() is { } itemKey)
        {
            var key = Support.SymmetricKey.FromBytes(Support.ClientCrypto.DecryptEncString(itemKey, user.Account.UserKey));
            return Support.ClientCrypto.DecryptEncStringUtf8(cipher["name"]!.GetValue<string>(), key);
        }
        return user.Account.Decrypt(cipher["name"]!.GetValue<string>());
    }
}
