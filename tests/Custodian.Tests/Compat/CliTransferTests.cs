using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Custodian.Tests.Infrastructure;
using Custodian.Tests.Support;

namespace Custodian.Tests.Compat;

/// <summary>Files in and out with the official CLI: attachments, import (JSON and CSV), export (json and encrypted_json).</summary>
[Collection(CompatCollection.Name)]
public sealed class CliTransferTests(CompatServer server) : IClassFixture<CompatServer>, IDisposable
{
    readonly DirectoryInfo _files = Directory.CreateTempSubdirectory("custodian-bw-files-");

    public void Dispose() => _files.Delete(recursive: true);

    string PathOf(string name) => Path.Combine(_files.FullName, name);

    [Fact]
    public async Task CreateAttachment_ThenGetAttachment_ReturnsTheSameBytes()
    {
        var (bw, _) = await BwCli.LoginNewUserAsync(server);
        using var _ = bw;
        var item = new JsonObject { ["type"] = 2, ["name"] = "With file", ["secureNote"] = new JsonObject { ["type"] = 0 } };
        var id = (await bw.RunAsync("create", "item", BwCli.Encode(item))).EnsureSuccess("create item").Json()["id"]!.GetValue<string>();
        var bytes = RandomNumberGenerator.GetBytes(150_000);
        await File.WriteAllBytesAsync(PathOf("scan.bin"), bytes, TestContext.Current.CancellationToken);

        var withFile = (await bw.RunAsync("create", "attachment", "--file", PathOf("scan.bin"), "--itemid", id))
            .EnsureSuccess("create attachment").Json();
        Assert.Equal("scan.bin", withFile["attachments"]![0]!["fileName"]!.GetValue<string>());

        (await bw.RunAsync("get", "attachment", "scan.bin", "--itemid", id, "--output", PathOf("back.bin"))).EnsureSuccess("get attachment");
        Assert.Equal(bytes, await File.ReadAllBytesAsync(PathOf("back.bin"), TestContext.Current.CancellationToken));

        (await bw.RunAsync("delete", "attachment", withFile["attachments"]![0]!["id"]!.GetValue<string>(), "--itemid", id))
            .EnsureSuccess("delete attachment");
        (await bw.RunAsync("sync", "--force")).EnsureSuccess("sync");
        Assert.Empty((await bw.RunAsync("get", "item", id)).EnsureSuccess("get item").Json()["attachments"]?.AsArray() ?? []);
    }

    [Fact]
    public async Task ImportBitwardenJsonAndCsv_ThenExportJson_RoundTripsEveryValue()
    {
        var (bw, _) = await BwCli.LoginNewUserAsync(server);
        using var _ = bw;
        var json = new JsonObject
        {
            ["encrypted"] = false,
            ["folders"] = new JsonArray(new JsonObject { ["id"] = "3a1f0c4e-0000-4000-8000-000000000001", ["name"] = "Servers" }),
            ["items"] = new JsonArray(
                new JsonObject
                {
                    ["type"] = 1, ["name"] = "Router", ["notes"] = "rack 2", ["favorite"] = true, ["reprompt"] = 0,
                    ["folderId"] = "3a1f0c4e-0000-4000-8000-000000000001",
                    ["login"] = new JsonObject
                    {
                        ["uris"] = new JsonArray(new JsonObject { ["match"] = null, ["uri"] = "https://192.168.1.1" }),
                        ["username"] = "admin", ["password"] = "r0uter! pass", ["totp"] = null,
                    },
                    ["fields"] = new JsonArray(new JsonObject { ["name"] = "serial", ["value"] = "SN-42", ["type"] = 0 }),
                },
                new JsonObject
                {
                    ["type"] = 3, ["name"] = "Company card", ["reprompt"] = 0, ["folderId"] = null,
                    ["card"] = new JsonObject { ["cardholderName"] = "ACME", ["number"] = "5555444433331111", ["code"] = "999", ["brand"] = "Mastercard", ["expMonth"] = "1", ["expYear"] = "2030" },
                }),
        };
        await File.WriteAllTextAsync(PathOf("vault.json"), json.ToJsonString(), TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(PathOf("vault.csv"),
            "folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp\n" +
            "Mail,,login,Webmail,\"line one\nline two\",,0,https://mail.example.com,bob,\"pa,ss\"\"word\",\n" +
            ",1,note,Door code,4711,,0,,,,\n", TestContext.Current.CancellationToken);

        (await bw.RunAsync("import", "bitwardenjson", PathOf("vault.json"))).EnsureSuccess("import bitwardenjson");
        (await bw.RunAsync("import", "bitwardencsv", PathOf("vault.csv"))).EnsureSuccess("import bitwardencsv");

        (await bw.RunAsync("sync", "--force")).EnsureSuccess("sync");
        var items = (await bw.RunAsync("list", "items")).EnsureSuccess("list items").Json().AsArray()
            .ToDictionary(i => i!["name"]!.GetValue<string>(), i => i!);
        Assert.Equal(4, items.Count);
        Assert.Equal("r0uter! pass", items["Router"]["login"]!["password"]!.GetValue<string>());
        Assert.Equal("SN-42", items["Router"]["fields"]![0]!["value"]!.GetValue<string>());
        Assert.True(items["Router"]["favorite"]!.GetValue<bool>());
        Assert.Equal("5555444433331111", items["Company card"]["card"]!["number"]!.GetValue<string>());
        Assert.Equal("pa,ss\"word", items["Webmail"]["login"]!["password"]!.GetValue<string>());
        Assert.Equal("line one\nline two", items["Webmail"]["notes"]!.GetValue<string>());
        Assert.Equal("4711", items["Door code"]["notes"]!.GetValue<string>());
        var folders = (await bw.RunAsync("list", "folders")).EnsureSuccess("list folders").Json().AsArray()
            .Where(f => f!["id"] is not null).ToDictionary(f => f!["name"]!.GetValue<string>(), f => f!["id"]!.GetValue<string>());
        Assert.Equal(folders["Servers"], items["Router"]["folderId"]!.GetValue<string>());
        Assert.Equal(folders["Mail"], items["Webmail"]["folderId"]!.GetValue<string>());

        (await bw.RunAsync("export", "--format", "json", "--output", PathOf("export.json"))).EnsureSuccess("export json");
        var exported = JsonNode.Parse(await File.ReadAllTextAsync(PathOf("export.json"), TestContext.Current.CancellationToken))!;
        Assert.False(exported["encrypted"]!.GetValue<bool>());
        var router = exported["items"]!.AsArray().Single(i => i!["name"]!.GetValue<string>() == "Router")!;
        Assert.Equal("r0uter! pass", router["login"]!["password"]!.GetValue<string>());
        Assert.Equal("https://192.168.1.1", router["login"]!["uris"]![0]!["uri"]!.GetValue<string>());
        Assert.Equal(2, exported["folders"]!.AsArray().Count);

        // The plain export is a valid import: a second account ends up with the same values.
        var (bw2, _) = await BwCli.LoginNewUserAsync(server);
        using var __ = bw2;
        (await bw2.RunAsync("import", "bitwardenjson", PathOf("export.json"))).EnsureSuccess("re-import");
        (await bw2.RunAsync("sync", "--force")).EnsureSuccess("sync");
        var copy = (await bw2.RunAsync("list", "items", "--search", "Router")).EnsureSuccess("list").Json().AsArray().Single()!;
        Assert.Equal("r0uter! pass", copy["login"]!["password"]!.GetValue<string>());
        Assert.Equal("SN-42", copy["fields"]![0]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task ExportEncryptedJson_HoldsServerCiphertextUnderTheUserKey()
    {
        var (bw, user) = await BwCli.LoginNewUserAsync(server);
        using var _ = bw;
        var item = new JsonObject { ["type"] = 2, ["name"] = "Secret note", ["notes"] = "the plan", ["secureNote"] = new JsonObject { ["type"] = 0 } };
        (await bw.RunAsync("create", "item", BwCli.Encode(item))).EnsureSuccess("create item");

        (await bw.RunAsync("export", "--format", "encrypted_json", "--output", PathOf("export.enc.json"))).EnsureSuccess("export encrypted_json");

        var exported = JsonNode.Parse(await File.ReadAllTextAsync(PathOf("export.enc.json"), TestContext.Current.CancellationToken))!;
        Assert.True(exported["encrypted"]!.GetValue<bool>());
        ClientCrypto.DecryptEncString(exported["encKeyValidation_DO_NOT_EDIT"]!.GetValue<string>(), user.Account.UserKey);
        var note = exported["items"]!.AsArray().Single()!;
        var key = note["key"]?.GetValue<string>() is { } itemKey
            ? SymmetricKey.FromBytes(ClientCrypto.DecryptEncString(itemKey, user.Account.UserKey))
            : user.Account.UserKey;
        Assert.Equal("Secret note", ClientCrypto.DecryptEncStringUtf8(note["name"]!.GetValue<string>(), key));
        Assert.Equal("the plan", ClientCrypto.DecryptEncStringUtf8(note["notes"]!.GetValue<string>(), key));
        // What the file holds is what the server holds.
        var fromApi = (await user.Client.GetJsonAsync("/api/ciphers"))["data"]!.AsArray().Single()!;
        Assert.Equal(fromApi["notes"]!.GetValue<string>(), note["notes"]!.GetValue<string>());

        // And the CLI can import its own encrypted export back into the same account.
        (await bw.RunAsync("import", "bitwardenjson", PathOf("export.enc.json"))).EnsureSuccess("import encrypted_json");
        (await bw.RunAsync("sync", "--force")).EnsureSuccess("sync");
        var notes = (await bw.RunAsync("list", "items")).EnsureSuccess("list items").Json().AsArray();
        Assert.Equal(2, notes.Count);
        Assert.All(notes, n => Assert.Equal("the plan", n!["notes"]!.GetValue<string>()));
    }
}
