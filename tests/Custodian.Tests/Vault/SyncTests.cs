using System.Net;
using Custodian.Server.Infrastructure.Data;
using Custodian.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Custodian.Tests.Vault;

public sealed class SyncTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Sync_Anonymous_Returns401()
    {
        var response = await api.CreateApiClient().GetAsync("/api/sync");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Sync_NewAccount_ReturnsProfileKeysAndUnlockData()
    {
        var user = await api.LoginNewUserAsync();

        var sync = await user.Client.GetJsonAsync("/api/sync?excludeDomains=true");

        Assert.Equal("sync", sync["object"]!.GetValue<string>());
        var profile = sync["profile"]!;
        Assert.Equal("profile", profile["object"]!.GetValue<string>());
        Assert.Equal(user.Id.ToString(), profile["id"]!.GetValue<string>());
        Assert.Equal(user.Email, profile["email"]!.GetValue<string>());
        Assert.Equal(user.Account.ProtectedUserKey, profile["key"]!.GetValue<string>());
        Assert.Equal(user.Account.PublicKey, profile["accountKeys"]!["publicKeyEncryptionKeyPair"]!["publicKey"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(profile["securityStamp"]!.GetValue<string>()));
        Assert.True(DateTime.TryParse(profile["creationDate"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.RoundtripKind, out var created));
        Assert.Equal(DateTimeKind.Utc, created.Kind);
        Assert.Empty(profile["organizations"]!.AsArray());
        Assert.Empty(profile["providers"]!.AsArray());
        Assert.Empty(profile["providerOrganizations"]!.AsArray());
        foreach (var list in new[] { "folders", "collections", "ciphers", "policies", "sends" })
        {
            Assert.Empty(sync[list]!.AsArray());
        }
        Assert.Null(sync["domains"]);
        var unlock = sync["userDecryption"]!["masterPasswordUnlock"]!;
        Assert.Equal(user.Email, unlock["salt"]!.GetValue<string>());
        Assert.Equal(user.Account.ProtectedUserKey, unlock["masterKeyEncryptedUserKey"]!.GetValue<string>());
        Assert.Equal(0, unlock["kdf"]!["kdfType"]!.GetValue<int>());
        Assert.Null(sync["userDecryption"]!["userKeyId"]);
    }

    [Fact]
    public async Task Sync_SecurityStamp_IsStableAcrossSyncs()
    {
        var user = await api.LoginNewUserAsync();

        var first = await user.Client.GetJsonAsync("/api/sync");
        var second = await user.Client.GetJsonAsync("/api/sync");

        Assert.Equal(first["profile"]!["securityStamp"]!.GetValue<string>(), second["profile"]!["securityStamp"]!.GetValue<string>());
    }

    /// <summary>Sync streams its items through its own writer; each must read exactly as the single-item route's model.</summary>
    [Fact]
    public async Task Sync_Items_AreByteForByteTheCipherDetailsOfEachItem()
    {
        var owner = await api.LoginNewUserAsync();
        var member = await api.LoginNewUserAsync();
        var org = await owner.CreateOrganizationAsync();
        var memberId = await api.AddConfirmedMemberAsync(org, member);
        var readOnly = await org.CreateCollectionAsync("Read only", TestCollections.Access(memberId, readOnly: true, hidePasswords: true));
        var editable = await org.CreateCollectionAsync("Editable", TestCollections.Access(memberId));
        var admin = await api.LoginNewUserAsync();
        var adminId = await api.AddConfirmedMemberAsync(org, admin, Custodian.Server.Features.Organizations.OrganizationUserType.Admin);
        var hidden = await org.CreateCollectionAsync("Not the member's", TestCollections.Access(adminId));
        var shared = await org.CreateItemAsync(owner, "Shared", readOnly, editable, hidden);
        var folderId = await TestCiphers.CreateFolderAsync(member);
        var favorite = TestCiphers.Login(member, "Favorite", folderId.ToString());
        favorite["favorite"] = true;
        var own = await TestCiphers.CreateAsync(member, favorite);
        var card = await TestCiphers.CreateAsync(member, TestCiphers.OfType(member, 3));
        Assert.Equal(HttpStatusCode.OK, (await member.Client.PutAsync($"/api/ciphers/{card}/delete", null)).StatusCode);

        var sync = System.Text.Json.JsonDocument.Parse(await TextAsync(member, "/api/sync?excludeDomains=true"));
        var list = System.Text.Json.JsonDocument.Parse(await TextAsync(member, "/api/ciphers"));

        var synced = sync.RootElement.GetProperty("ciphers").EnumerateArray().ToList();
        Assert.Equal([.. new[] { shared, own, card }.Order()], synced.Select(c => c.GetProperty("id").GetGuid()));
        Assert.Equal("list", list.RootElement.GetProperty("object").GetString());
        Assert.Equal(synced.Select(c => c.GetRawText()), list.RootElement.GetProperty("data").EnumerateArray().Select(c => c.GetRawText()));
        foreach (var item in synced)
        {
            var single = await TextAsync(member, $"/api/ciphers/{item.GetProperty("id").GetGuid()}");
            Assert.Equal(single, item.GetRawText());
        }
        var sharedItem = synced.Single(c => c.GetProperty("id").GetGuid() == shared);
        Assert.Equal([.. new[] { readOnly, editable }.Order()], sharedItem.GetProperty("collectionIds").EnumerateArray().Select(c => c.GetGuid()).Order());
        Assert.True(synced.Single(c => c.GetProperty("id").GetGuid() == own).GetProperty("favorite").GetBoolean());
        // An admin manages every item of the org, so sees it in all its collections, not only the one they hold.
        var admins = System.Text.Json.JsonDocument.Parse(await TextAsync(admin, "/api/sync?excludeDomains=true"));
        var adminsItem = admins.RootElement.GetProperty("ciphers").EnumerateArray().Single();
        Assert.Equal([.. new[] { readOnly, editable, hidden }.Order()], adminsItem.GetProperty("collectionIds").EnumerateArray().Select(c => c.GetGuid()).Order());
        Assert.Equal(await TextAsync(admin, $"/api/ciphers/{shared}"), adminsItem.GetRawText());
    }

    /// <summary>
    /// Sync copies a stored row's inside as it is when the row has CipherData's layout; a row in any other order
    /// (an older writer's) is brought to that layout first, so the item still reads as the single route has it.
    /// </summary>
    [Fact]
    public async Task Sync_StoredRowInAnotherOrder_ReadsAsItsCipherDetails()
    {
        var user = await api.LoginNewUserAsync();
        var id = await TestCiphers.CreateAsync(user, TestCiphers.Login(user, "Reordered"));
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var cipher = await db.Ciphers.SingleAsync(c => c.Id == id, TestContext.Current.CancellationToken);
            var stored = System.Text.Json.Nodes.JsonNode.Parse(cipher.Data)!.AsObject();
            var reversed = new System.Text.Json.Nodes.JsonObject();
            foreach (var (name, value) in stored.Reverse().ToList())
            {
                stored.Remove(name);
                reversed[name] = value;
            }
            Assert.StartsWith("{\"data\":", cipher.Data = reversed.ToJsonString());
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var sync = System.Text.Json.JsonDocument.Parse(await TextAsync(user, "/api/sync?excludeDomains=true"));

        var item = sync.RootElement.GetProperty("ciphers").EnumerateArray().Single();
        Assert.Equal(await TextAsync(user, $"/api/ciphers/{id}"), item.GetRawText());
    }

    static async Task<string> TextAsync(TestUser user, string url)
    {
        var response = await user.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }
}
