using System.Net;
using System.Text.Json.Nodes;
using Custodian.Tests.Infrastructure;

namespace Custodian.Tests.Vault;

public sealed class CipherTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public async Task Create_EveryType_RoundTripsEncryptedFields(int type)
    {
        var user = await api.LoginNewUserAsync();

        var created = await user.Client.PostJsonAsync("/api/ciphers", TestCiphers.OfType(user, type));
        var read = await user.Client.GetJsonAsync($"/api/ciphers/{created["id"]}");

        Assert.Equal("cipherDetails", read["object"]!.GetValue<string>());
        Assert.Equal(type, read["type"]!.GetValue<int>());
        Assert.Equal($"item of type {type}", user.Account.Decrypt(read["name"]!.GetValue<string>()));
        Assert.True(read["edit"]!.GetValue<bool>());
        Assert.True(read["permissions"]!["delete"]!.GetValue<bool>());
        Assert.NotNull(read["creationDate"]);
        Assert.True(read.ContainsKey("deletedDate"));
        var typed = type switch { 1 => "login", 2 => "secureNote", 3 => "card", 4 => "identity", _ => "sshKey" };
        Assert.NotNull(read[typed]);
        if (type == 3)
        {
            Assert.Equal("4111111111111111", user.Account.Decrypt(read["card"]!["number"]!.GetValue<string>()));
        }
        if (type == 1)
        {
            Assert.Equal("s3cret!", user.Account.Decrypt(read["login"]!["password"]!.GetValue<string>()));
            Assert.Equal("https://example.com", user.Account.Decrypt(read["login"]!["uris"]![0]!["uri"]!.GetValue<string>()));
            Assert.Equal("1234", user.Account.Decrypt(read["fields"]![0]!["value"]!.GetValue<string>()));
            Assert.Equal("old", user.Account.Decrypt(read["passwordHistory"]![0]!["password"]!.GetValue<string>()));
        }
    }

    [Fact]
    public async Task Create_LoginWithPasskeyAndUriMatch_RoundTripsOpaqueFields()
    {
        var user = await api.LoginNewUserAsync();
        var a = user.Account;
        var body = TestCiphers.Login(user);
        body["login"] = new
        {
            username = a.Encrypt("alice"),
            uris = new[] { new { uri = a.Encrypt("https://example.com"), uriChecksum = a.Encrypt("checksum"), match = 3 } },
            fido2Credentials = new[] { new { credentialId = a.Encrypt("cred-1"), keyType = a.Encrypt("public-key"), keyAlgorithm = a.Encrypt("ECDSA"),
                keyCurve = a.Encrypt("P-256"), keyValue = a.Encrypt("pkcs8-key"), rpId = a.Encrypt("example.com"), counter = a.Encrypt("7"),
                discoverable = a.Encrypt("true"), creationDate = "2026-03-01T10:00:00Z" } },
        };

        var created = await user.Client.PostJsonAsync("/api/ciphers", body);
        var login = (await user.Client.GetJsonAsync($"/api/ciphers/{created["id"]}"))["login"]!;

        Assert.Equal(3, login["uris"]![0]!["match"]!.GetValue<int>());
        Assert.Equal("checksum", a.Decrypt(login["uris"]![0]!["uriChecksum"]!.GetValue<string>()));
        var passkey = login["fido2Credentials"]![0]!;
        Assert.Equal("cred-1", a.Decrypt(passkey["credentialId"]!.GetValue<string>()));
        Assert.Equal("pkcs8-key", a.Decrypt(passkey["keyValue"]!.GetValue<string>()));
        Assert.Equal("7", a.Decrypt(passkey["counter"]!.GetValue<string>()));
        Assert.StartsWith("2026-03-01T10:00:00", passkey["creationDate"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_WithFolderAndFavorite_ShowsInSync()
    {
        var user = await api.LoginNewUserAsync();
        var folderId = await TestCiphers.CreateFolderAsync(user);
        var body = TestCiphers.Login(user, folderId: folderId.ToString());
        body["favorite"] = true;

        var id = await TestCiphers.CreateAsync(user, body);

        var sync = await user.Client.GetJsonAsync("/api/sync?excludeDomains=true");
        var cipher = sync["ciphers"]!.AsArray().Single()!;
        Assert.Equal(id.ToString(), cipher["id"]!.GetValue<string>());
        Assert.Equal(folderId.ToString(), cipher["folderId"]!.GetValue<string>());
        Assert.True(cipher["favorite"]!.GetValue<bool>());
        Assert.Single(sync["folders"]!.AsArray());
    }

    [Fact]
    public async Task CreateWithCollections_NoCollections_CreatesPersonalItem()
    {
        var user = await api.LoginNewUserAsync();

        var created = await user.Client.PostJsonAsync("/api/ciphers/create", new { cipher = TestCiphers.Login(user), collectionIds = Array.Empty<Guid>() });

        Assert.Null(created["organizationId"]?.GetValue<string>());
    }

    [Fact]
    public async Task Create_BadInput_Returns400WithFieldNames()
    {
        var user = await api.LoginNewUserAsync();
        var plain = TestCiphers.Login(user);
        plain["name"] = "plaintext name";
        var foreignFolder = TestCiphers.Login(user, folderId: Guid.NewGuid().ToString());
        var tooLong = TestCiphers.Login(user);
        tooLong["notes"] = "2." + new string('A', 10001) + "|AAAA|AAAA";

        var e1 = await ApiClient.ReadErrorAsync(await user.Client.PostAsync("/api/ciphers", plain), HttpStatusCode.BadRequest);
        var e2 = await ApiClient.ReadErrorAsync(await user.Client.PostAsync("/api/ciphers", foreignFolder), HttpStatusCode.BadRequest);
        var e3 = await ApiClient.ReadErrorAsync(await user.Client.PostAsync("/api/ciphers", tooLong), HttpStatusCode.BadRequest);
        await ApiClient.ReadErrorAsync(await user.Client.PostRawAsync("/api/ciphers", "{not json"), HttpStatusCode.BadRequest);

        Assert.NotNull(e1["validationErrors"]!["Name"]);
        Assert.NotNull(e2["validationErrors"]!["FolderId"]);
        Assert.NotNull(e3["validationErrors"]!["Notes"]);
        Assert.Empty((await user.Client.GetJsonAsync("/api/ciphers"))["data"]!.AsArray());
    }

    [Fact]
    public async Task Update_FreshCopy_Succeeds_StaleCopy_Returns400()
    {
        var user = await api.LoginNewUserAsync();
        var created = await user.Client.PostJsonAsync("/api/ciphers", TestCiphers.Login(user));
        var id = created["id"]!.GetValue<string>();
        var first = TestCiphers.Login(user, "Renamed");
        first["lastKnownRevisionDate"] = created["revisionDate"]!.GetValue<string>();
        await Task.Delay(1100, TestContext.Current.CancellationToken);

        var updated = await user.Client.PutJsonAsync($"/api/ciphers/{id}", first);
        var stale = TestCiphers.Login(user, "Other device");
        stale["lastKnownRevisionDate"] = created["revisionDate"]!.GetValue<string>();
        var error = await ApiClient.ReadErrorAsync(await user.Client.PutAsync($"/api/ciphers/{id}", stale), HttpStatusCode.BadRequest);

        Assert.Equal("Renamed", user.Account.Decrypt(updated["name"]!.GetValue<string>()));
        Assert.Contains("out of date", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Renamed", user.Account.Decrypt((await user.Client.GetJsonAsync($"/api/ciphers/{id}"))["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Partial_SetsFolderAndFavorite()
    {
        var user = await api.LoginNewUserAsync();
        var id = await TestCiphers.CreateAsync(user);
        var folderId = await TestCiphers.CreateFolderAsync(user);

        var body = await user.Client.PutJsonAsync($"/api/ciphers/{id}/partial", new { folderId, favorite = true });

        Assert.Equal(folderId.ToString(), body["folderId"]!.GetValue<string>());
        Assert.True(body["favorite"]!.GetValue<bool>());
    }

    [Fact]
    public async Task SoftDeleteRestorePermanent_Lifecycle()
    {
        var user = await api.LoginNewUserAsync();
        var id = await TestCiphers.CreateAsync(user);

        Assert.Equal(HttpStatusCode.OK, (await user.Client.PutAsync($"/api/ciphers/{id}/delete")).StatusCode);
        Assert.NotNull((await user.Client.GetJsonAsync($"/api/ciphers/{id}"))["deletedDate"]?.GetValue<string>());
        var restored = await user.Client.PutJsonAsync($"/api/ciphers/{id}/restore");
        Assert.Null(restored["deletedDate"]?.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await user.Client.DeleteAsync($"/api/ciphers/{id}")).StatusCode);
        await ApiClient.ReadErrorAsync(await user.Client.GetAsync($"/api/ciphers/{id}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Bulk_DeleteRestoreMove_TouchOnlyOwnItems()
    {
        var user = await api.LoginNewUserAsync();
        var other = await api.LoginNewUserAsync();
        var mine = new[] { await TestCiphers.CreateAsync(user), await TestCiphers.CreateAsync(user) };
        var theirs = await TestCiphers.CreateAsync(other);
        var ids = new[] { mine[0], mine[1], theirs };
        var folderId = await TestCiphers.CreateFolderAsync(user);

        await user.Client.PutAsync("/api/ciphers/move", new { ids, folderId });
        await user.Client.PutAsync("/api/ciphers/delete", new { ids });
        var afterSoft = await other.Client.GetJsonAsync($"/api/ciphers/{theirs}");
        var restored = await user.Client.PutJsonAsync("/api/ciphers/restore", new { ids });
        Assert.Equal(HttpStatusCode.OK, (await user.Client.DeleteAsync("/api/ciphers", new { ids })).StatusCode);

        Assert.Null(afterSoft["deletedDate"]?.GetValue<string>());
        Assert.Null(afterSoft["folderId"]?.GetValue<string>());
        Assert.Equal(2, restored["data"]!.AsArray().Count);
        Assert.Empty((await user.Client.GetJsonAsync("/api/ciphers"))["data"]!.AsArray());
        await other.Client.GetJsonAsync($"/api/ciphers/{theirs}");
    }

    [Fact]
    public async Task ArchiveUnarchive_SetsArchivedDate()
    {
        var user = await api.LoginNewUserAsync();
        var id = await TestCiphers.CreateAsync(user);

        var archived = await user.Client.PutJsonAsync($"/api/ciphers/{id}/archive");
        var unarchived = await user.Client.PutJsonAsync("/api/ciphers/unarchive", new { ids = new[] { id } });

        Assert.NotNull(archived["archivedDate"]?.GetValue<string>());
        Assert.Null(unarchived["data"]![0]!["archivedDate"]?.GetValue<string>());
    }

    [Theory]
    [InlineData("GET", "")]
    [InlineData("GET", "/details")]
    [InlineData("PUT", "")]
    [InlineData("PUT", "/partial")]
    [InlineData("PUT", "/delete")]
    [InlineData("PUT", "/restore")]
    [InlineData("DELETE", "")]
    [InlineData("POST", "/delete")]
    [InlineData("PUT", "/archive")]
    public async Task OtherUsersItem_Returns404_AnonymousReturns401(string method, string suffix)
    {
        var owner = await api.LoginNewUserAsync();
        var stranger = await api.LoginNewUserAsync();
        var id = await TestCiphers.CreateAsync(owner);
        HttpRequestMessage Request() => new(new HttpMethod(method), $"/api/ciphers/{id}{suffix}")
        {
            Content = method is "PUT" && suffix == "" ? System.Net.Http.Json.JsonContent.Create(TestCiphers.Login(stranger), options: ApiClient.Json)
                : method is "PUT" && suffix == "/partial" ? System.Net.Http.Json.JsonContent.Create(new { favorite = true }) : null,
        };

        var denied = await stranger.Client.Http.SendAsync(Request(), TestContext.Current.CancellationToken);
        var anonymous = await api.CreateApiClient().Http.SendAsync(Request(), TestContext.Current.CancellationToken);

        await ApiClient.ReadErrorAsync(denied, HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        var still = await owner.Client.GetJsonAsync($"/api/ciphers/{id}");
        Assert.Null(still["deletedDate"]?.GetValue<string>());
        Assert.Null(still["archivedDate"]?.GetValue<string>());
        Assert.Equal("Email", owner.Account.Decrypt(still["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Changes_BumpAccountRevisionDate()
    {
        var user = await api.LoginNewUserAsync();
        Task<long> Revision() => user.Client.GetRevisionDateAsync();

        var r0 = await Revision();
        await Task.Delay(5, TestContext.Current.CancellationToken);
        var id = await TestCiphers.CreateAsync(user);
        var r1 = await Revision();
        await Task.Delay(5, TestContext.Current.CancellationToken);
        await user.Client.PutAsync($"/api/ciphers/{id}/partial", new { favorite = true });
        var r2 = await Revision();
        await Task.Delay(5, TestContext.Current.CancellationToken);
        await user.Client.DeleteAsync($"/api/ciphers/{id}");
        var r3 = await Revision();

        Assert.True(r0 < r1 && r1 < r2 && r2 < r3, $"{r0} {r1} {r2} {r3}");
    }

    [Fact]
    public async Task List_ReturnsOnlyOwnItems()
    {
        var user = await api.LoginNewUserAsync();
        var other = await api.LoginNewUserAsync();
        await TestCiphers.CreateAsync(user);
        await TestCiphers.CreateAsync(other);

        var list = await user.Client.GetJsonAsync("/api/ciphers");

        Assert.Equal("list", list["object"]!.GetValue<string>());
        Assert.Single(list["data"]!.AsArray());
        Assert.Single((await user.Client.GetJsonAsync("/api/sync"))["ciphers"]!.AsArray());
    }
}
