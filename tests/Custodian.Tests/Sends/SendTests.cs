using System.Net;
using System.Text.Json.Nodes;
using Custodian.Tests.Infrastructure;

namespace Custodian.Tests.Sends;

/// <summary>The owner's Send routes: shapes, sync, who may call them, and Bitwarden's 400s.</summary>
public sealed class SendTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Create_TextSend_HasBitwardensShapeAndIsListedAndSynced()
    {
        var user = await api.LoginNewUserAsync();
        var before = await user.Client.GetRevisionDateAsync();
        var send = await TestSends.CreateAsync(user, TestSends.Text(user, "a secret"));

        Assert.Equal("send", send["object"]!.GetValue<string>());
        var id = Guid.Parse(send["id"]!.GetValue<string>());
        Assert.Equal(Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(id.ToByteArray()), send["accessId"]!.GetValue<string>());
        Assert.Equal(0, send["type"]!.GetValue<int>());
        Assert.Equal(2, send["authType"]!.GetValue<int>());
        Assert.Equal("a secret", user.Account.Decrypt(send["text"]!["text"]!.GetValue<string>()));
        Assert.Null(send["file"]);
        Assert.Equal(0, send["accessCount"]!.GetValue<int>());
        Assert.Null(send["password"]);
        foreach (var field in new[] { "name", "notes", "key", "maxAccessCount", "revisionDate", "expirationDate", "deletionDate", "emails", "disabled", "hideEmail" })
        {
            Assert.True(send.ContainsKey(field), field);
        }
        Assert.True(await user.Client.GetRevisionDateAsync() > before);

        var list = await user.Client.GetJsonAsync("/api/sends");
        Assert.Equal("list", list["object"]!.GetValue<string>());
        Assert.Contains(list["data"]!.AsArray(), s => s!["id"]!.GetValue<string>() == id.ToString());
        Assert.Equal(id.ToString(), (await user.Client.GetJsonAsync($"/api/sends/{id}"))["id"]!.GetValue<string>());
        var synced = (await user.Client.GetJsonAsync("/api/sync?excludeDomains=true"))["sends"]!.AsArray();
        Assert.Equal(send.ToJsonString(), synced.Single()!.ToJsonString());
    }

    [Fact]
    public async Task OwnerRoutes_OtherUsersSend_AreNotFound_AndAnonymousIsUnauthorized()
    {
        var owner = await api.LoginNewUserAsync();
        var stranger = await api.LoginNewUserAsync();
        var id = (await TestSends.CreateAsync(owner))["id"]!.GetValue<string>();

        await ApiClient.ReadErrorAsync(await stranger.Client.GetAsync($"/api/sends/{id}"), HttpStatusCode.NotFound);
        await ApiClient.ReadErrorAsync(await stranger.Client.PutAsync($"/api/sends/{id}", TestSends.Text(stranger)), HttpStatusCode.NotFound);
        await ApiClient.ReadErrorAsync(await stranger.Client.PutAsync($"/api/sends/{id}/remove-password"), HttpStatusCode.NotFound);
        await ApiClient.ReadErrorAsync(await stranger.Client.DeleteAsync($"/api/sends/{id}"), HttpStatusCode.NotFound);
        Assert.Empty((await stranger.Client.GetJsonAsync("/api/sends"))["data"]!.AsArray());
        Assert.Empty((await stranger.Client.GetJsonAsync("/api/sync"))["sends"]!.AsArray());

        var anonymous = api.CreateApiClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/sends")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/sends", TestSends.Text(owner))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.DeleteAsync($"/api/sends/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.Client.GetAsync($"/api/sends/{id}")).StatusCode);
    }

    [Fact]
    public async Task Create_BadInput_Is400InBitwardensShape_AndWritesNothing()
    {
        var user = await api.LoginNewUserAsync();
        var cases = new List<Dictionary<string, object?>>();
        void Case(Action<Dictionary<string, object?>> change)
        {
            var body = TestSends.Text(user);
            change(body);
            cases.Add(body);
        }
        Case(b => b["deletionDate"] = null);
        Case(b => b["deletionDate"] = DateTime.UtcNow.AddDays(40));
        Case(b => b["deletionDate"] = DateTime.UtcNow.AddDays(-1));
        Case(b => b["expirationDate"] = DateTime.UtcNow.AddDays(9));
        Case(b => b["name"] = "not an encstring");
        Case(b => b["key"] = null);
        Case(b => b["text"] = null);
        Case(b => b["maxAccessCount"] = 0);
        Case(b => b["type"] = 7);
        Case(b => (b["authType"], b["password"]) = (1, null));
        Case(b => (b["authType"], b["emails"]) = (0, "a@example.com"));
        Case(b => b["type"] = 1);
        foreach (var body in cases)
        {
            var error = await ApiClient.ReadErrorAsync(await user.Client.PostAsync("/api/sends", body), HttpStatusCode.BadRequest);
            Assert.Equal("error", error["object"]!.GetValue<string>());
            Assert.False(string.IsNullOrEmpty(error["message"]!.GetValue<string>()));
        }
        var malformed = await user.Client.PostRawAsync("/api/sends", "{\"type\":");
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Empty((await user.Client.GetJsonAsync("/api/sends"))["data"]!.AsArray());

        var missingLength = TestSends.File(user, 10);
        missingLength.Remove("fileLength");
        await ApiClient.ReadErrorAsync(await user.Client.PostAsync("/api/sends/file/v2", missingLength), HttpStatusCode.BadRequest);
        await ApiClient.ReadErrorAsync(await user.Client.PostAsync("/api/sends/file/v2", TestSends.Text(user)), HttpStatusCode.BadRequest);
        var id = (await TestSends.CreateAsync(user))["id"]!.GetValue<string>();
        var typeChange = await ApiClient.ReadErrorAsync(await user.Client.PutAsync($"/api/sends/{id}", TestSends.File(user, 10)), HttpStatusCode.BadRequest);
        Assert.Equal("Cannot change a Send's type", typeChange["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task EditAndDelete_ByOwner_ChangeWhatSyncShows()
    {
        var user = await api.LoginNewUserAsync();
        var id = (await TestSends.CreateAsync(user))["id"]!.GetValue<string>();
        var edit = TestSends.Text(user, "changed", maxAccessCount: 3, disabled: true);
        var edited = await user.Client.PutJsonAsync($"/api/sends/{id}", edit);
        Assert.Equal("changed", user.Account.Decrypt(edited["text"]!["text"]!.GetValue<string>()));
        Assert.Equal(3, edited["maxAccessCount"]!.GetValue<int>());
        Assert.True(edited["disabled"]!.GetValue<bool>());

        var before = await user.Client.GetRevisionDateAsync();
        Assert.Equal(HttpStatusCode.OK, (await user.Client.DeleteAsync($"/api/sends/{id}")).StatusCode);
        Assert.True(await user.Client.GetRevisionDateAsync() > before);
        await ApiClient.ReadErrorAsync(await user.Client.GetAsync($"/api/sends/{id}"), HttpStatusCode.NotFound);
        Assert.Empty((await user.Client.GetJsonAsync("/api/sync"))["sends"]!.AsArray());
    }
}
