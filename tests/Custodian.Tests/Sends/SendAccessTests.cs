using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Custodian.Tests.Infrastructure;

namespace Custodian.Tests.Sends;

/// <summary>Recipients: the send_access grant, the access routes, counting, files, and the legacy routes.</summary>
public sealed class SendAccessTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static async Task<JsonObject> GrantErrorAsync(ApiClient client, Dictionary<string, string> form)
    {
        var response = await client.PostFormAsync("/identity/connect/token", form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
    }

    [Fact]
    public async Task OpenSend_AnonymousRecipient_GetsTheContentAndTheCreator()
    {
        var owner = await api.LoginNewUserAsync();
        var send = await TestSends.CreateAsync(owner, TestSends.Text(owner, "for your eyes"));
        var response = await TestSends.AccessAsync(api, send["accessId"]!.GetValue<string>());
        var access = await ApiClient.ReadOkAsync(response);
        Assert.Equal("send-access", access["object"]!.GetValue<string>());
        Assert.Equal(send["accessId"]!.GetValue<string>(), access["id"]!.GetValue<string>());
        Assert.Equal("for your eyes", owner.Account.Decrypt(access["text"]!["text"]!.GetValue<string>()));
        Assert.Equal(owner.Email, access["creatorIdentifier"]!.GetValue<string>());
        Assert.False(access.ContainsKey("notes"));
        Assert.False(access.ContainsKey("key"));
        Assert.Equal(1, (await owner.Client.GetJsonAsync($"/api/sends/{send["id"]}"))["accessCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task AccessRoutes_WithoutOrWithAForeignToken_AreRefused()
    {
        var owner = await api.LoginNewUserAsync();
        var anonymous = api.CreateApiClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/sends/access")).StatusCode);
        anonymous.UseToken(owner.AccessToken);   // a user's access token names no Send
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/sends/access")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/sends/access/file/abc")).StatusCode);

        // ... and a Send token opens no user route.
        var send = await TestSends.CreateAsync(owner);
        var token = await ApiClient.ReadOkAsync(await api.CreateApiClient().PostFormAsync("/identity/connect/token", TestSends.Grant(send["accessId"]!.GetValue<string>())));
        var recipient = api.CreateApiClient();
        recipient.UseToken(token["access_token"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, (await recipient.GetAsync("/api/sends")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await recipient.GetAsync("/api/sync")).StatusCode);
    }

    [Fact]
    public async Task Grant_BadOrMissingSendId_AnswersTheErrorTypesTheClientsReadForIt()
    {
        var client = api.CreateApiClient();
        var missing = TestSends.Grant("x");
        missing.Remove("send_id");
        var error = await GrantErrorAsync(client, missing);
        Assert.Equal("invalid_request", error["error"]!.GetValue<string>());
        Assert.Equal("send_id_required", error["send_access_error_type"]!.GetValue<string>());
        foreach (var id in new[] { "not-base64!", "AAAAAAAAAAAAAAAAAAAAAA", Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(Guid.NewGuid().ToByteArray()) })
        {
            error = await GrantErrorAsync(client, TestSends.Grant(id));
            Assert.Equal("invalid_grant", error["error"]!.GetValue<string>());
            Assert.Equal("send_id_invalid", error["send_access_error_type"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task PasswordSend_NeedsTheClientsPasswordHash_StoredOnlyAsAServerHash()
    {
        var owner = await api.LoginNewUserAsync();
        var send = await TestSends.CreateAsync(owner, TestSends.Text(owner, password: "Y2xpZW50LWhhc2g="));
        var (id, accessId) = (send["id"]!.GetValue<string>(), send["accessId"]!.GetValue<string>());
        Assert.Equal(1, send["authType"]!.GetValue<int>());
        var stored = send["password"]!.GetValue<string>();
        Assert.NotEqual("Y2xpZW50LWhhc2g=", stored);

        var client = api.CreateApiClient();
        Assert.Equal("password_hash_b64_required", (await GrantErrorAsync(client, TestSends.Grant(accessId)))["send_access_error_type"]!.GetValue<string>());
        var wrong = await GrantErrorAsync(client, TestSends.Grant(accessId, "d3Jvbmc="));
        Assert.Equal("invalid_grant", wrong["error"]!.GetValue<string>());
        Assert.Equal("password_hash_b64_invalid", wrong["send_access_error_type"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await TestSends.AccessAsync(api, accessId, "Y2xpZW50LWhhc2g=")).StatusCode);

        // Clients echo the stored hash back on edits; the password must survive that.
        var edit = TestSends.Text(owner, "edited");
        (edit["authType"], edit["password"]) = (1, stored);
        Assert.Equal(stored, (await owner.Client.PutJsonAsync($"/api/sends/{id}", edit))["password"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await TestSends.AccessAsync(api, accessId, "Y2xpZW50LWhhc2g=")).StatusCode);

        var removed = await owner.Client.PutJsonAsync($"/api/sends/{id}/remove-password");
        Assert.Equal(2, removed["authType"]!.GetValue<int>());
        Assert.Null(removed["password"]);
        Assert.Equal(HttpStatusCode.OK, (await TestSends.AccessAsync(api, accessId)).StatusCode);
    }

    [Fact]
    public async Task MaxAccessCount_ConcurrentRecipients_GetExactlyTheAllowedNumber()
    {
        var owner = await api.LoginNewUserAsync();
        var send = await TestSends.CreateAsync(owner, TestSends.Text(owner, maxAccessCount: 3));
        var accessId = send["accessId"]!.GetValue<string>();
        var token = await ApiClient.ReadOkAsync(await api.CreateApiClient().PostFormAsync("/identity/connect/token", TestSends.Grant(accessId)));
        var recipients = Enumerable.Range(0, 10).Select(_ =>
        {
            var client = api.CreateApiClient();
            client.UseToken(token["access_token"]!.GetValue<string>());
            return client.PostAsync("/api/sends/access");
        });
        var statuses = (await Task.WhenAll(recipients)).Select(r => r.StatusCode).ToList();
        Assert.Equal(3, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(7, statuses.Count(s => s == HttpStatusCode.NotFound));
        Assert.Equal(3, (await owner.Client.GetJsonAsync($"/api/sends/{send["id"]}"))["accessCount"]!.GetValue<int>());
        Assert.Equal("send_id_invalid", (await GrantErrorAsync(api.CreateApiClient(), TestSends.Grant(accessId)))["send_access_error_type"]!.GetValue<string>());
    }

    [Fact]
    public async Task HiddenEmailAndDisabledSends_AreHonoured()
    {
        var owner = await api.LoginNewUserAsync();
        var hidden = await TestSends.CreateAsync(owner, TestSends.Text(owner, hideEmail: true));
        var access = await ApiClient.ReadOkAsync(await TestSends.AccessAsync(api, hidden["accessId"]!.GetValue<string>()));
        Assert.Null(access["creatorIdentifier"]);
        var disabled = await TestSends.CreateAsync(owner, TestSends.Text(owner, disabled: true));
        Assert.Equal("send_id_invalid", (await GrantErrorAsync(api.CreateApiClient(), TestSends.Grant(disabled["accessId"]!.GetValue<string>())))["send_access_error_type"]!.GetValue<string>());
    }

    [Fact]
    public async Task FileSend_UploadThenDownloadThroughTheAccessRoutes_ReturnsTheSameBytes()
    {
        var owner = await api.LoginNewUserAsync();
        var stranger = await api.LoginNewUserAsync();
        var bytes = RandomNumberGenerator.GetBytes(100_000);
        var announced = await owner.Client.PostJsonAsync("/api/sends/file/v2", TestSends.File(owner, bytes.Length));
        Assert.Equal("send-fileUpload", announced["object"]!.GetValue<string>());
        Assert.Equal(0, announced["fileUploadType"]!.GetValue<int>());
        var send = announced["sendResponse"]!.AsObject();
        var (id, fileId) = (send["id"]!.GetValue<string>(), send["file"]!["id"]!.GetValue<string>());
        Assert.Equal($"/sends/{id}/file/{fileId}", announced["url"]!.GetValue<string>());
        Assert.Equal("100000", send["file"]!["size"]!.GetValue<string>());

        // Not downloadable before the bytes arrive; nobody but the owner may upload them.
        Assert.Equal("send_id_invalid", (await GrantErrorAsync(api.CreateApiClient(), TestSends.Grant(send["accessId"]!.GetValue<string>())))["send_access_error_type"]!.GetValue<string>());
        await ApiClient.ReadErrorAsync(await stranger.Client.Http.PostAsync($"/api/sends/{id}/file/{fileId}", Multipart(bytes), Ct), HttpStatusCode.NotFound);
        await ApiClient.ReadErrorAsync(await owner.Client.Http.PostAsync($"/api/sends/{id}/file/{fileId}", Multipart(bytes[..10]), Ct), HttpStatusCode.BadRequest);
        Assert.Equal(fileId, (await owner.Client.GetJsonAsync($"/api/sends/{id}/file/{fileId}"))["sendResponse"]!["file"]!["id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await owner.Client.Http.PostAsync($"/api/sends/{id}/file/{fileId}", Multipart(bytes), Ct)).StatusCode);
        await ApiClient.ReadErrorAsync(await owner.Client.Http.PostAsync($"/api/sends/{id}/file/{fileId}", Multipart(bytes), Ct), HttpStatusCode.BadRequest);
        var stored = Path.Combine(api.DataDirectory, "sends", Guid.Parse(id).ToString("N"), fileId);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(stored));
        }

        var recipient = api.CreateApiClient();
        var token = await ApiClient.ReadOkAsync(await recipient.PostFormAsync("/identity/connect/token", TestSends.Grant(send["accessId"]!.GetValue<string>())));
        recipient.UseToken(token["access_token"]!.GetValue<string>());
        var access = await ApiClient.ReadOkAsync(await recipient.PostAsync("/api/sends/access"));
        Assert.Equal(fileId, access["file"]!["id"]!.GetValue<string>());
        await ApiClient.ReadErrorAsync(await recipient.PostAsync("/api/sends/access/file/otherfile"), HttpStatusCode.NotFound);
        var link = await ApiClient.ReadOkAsync(await recipient.PostAsync($"/api/sends/access/file/{fileId}"));
        Assert.Equal("send-fileDownload", link["object"]!.GetValue<string>());
        Assert.Equal(bytes, await api.CreateApiClient().Http.GetByteArrayAsync(link["url"]!.GetValue<string>(), Ct));
        var forged = link["url"]!.GetValue<string>().Split("?token=")[0] + "?token=forged";
        Assert.Equal(HttpStatusCode.NotFound, (await api.CreateApiClient().GetAsync(forged)).StatusCode);
        Assert.Equal(1, (await owner.Client.GetJsonAsync($"/api/sends/{id}"))["accessCount"]!.GetValue<int>());

        Assert.Equal(HttpStatusCode.OK, (await owner.Client.DeleteAsync($"/api/sends/{id}")).StatusCode);
        Assert.False(File.Exists(stored));
    }

    [Fact]
    public async Task LegacyAccessRoutes_TakeThePasswordHashInTheBody()
    {
        var owner = await api.LoginNewUserAsync();
        var send = await TestSends.CreateAsync(owner, TestSends.Text(owner, "legacy", password: "aGFzaA=="));
        var anonymous = api.CreateApiClient();
        var accessId = send["accessId"]!.GetValue<string>();
        await ApiClient.ReadErrorAsync(await anonymous.PostAsync($"/api/sends/access/{accessId}", new { }), HttpStatusCode.Unauthorized);
        await ApiClient.ReadErrorAsync(await anonymous.PostAsync($"/api/sends/access/{accessId}", new { password = "bm9wZQ==" }), HttpStatusCode.BadRequest);
        await ApiClient.ReadErrorAsync(await anonymous.PostAsync("/api/sends/access/AAAAAAAAAAAAAAAAAAAAAA", new { }), HttpStatusCode.NotFound);
        var access = await anonymous.PostJsonAsync($"/api/sends/access/{accessId}", new { password = "aGFzaA==" });
        Assert.Equal("legacy", owner.Account.Decrypt(access["text"]!["text"]!.GetValue<string>()));
    }

    static MultipartFormDataContent Multipart(byte[] bytes)
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "data", "2.encrypted-name");
        return content;
    }
}
