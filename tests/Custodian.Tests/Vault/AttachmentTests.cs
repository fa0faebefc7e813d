using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Custodian.Tests.Infrastructure;

namespace Custodian.Tests.Vault;

public sealed class AttachmentTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static object Announce(TestUser user, long size) =>
        new { key = user.Account.Encrypt("attachment key"), fileName = user.Account.Encrypt("report.pdf"), fileSize = size, adminRequest = false };

    internal static MultipartFormDataContent Multipart(byte[] bytes, string part = "data")
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, part, "2.encrypted-name");
        return content;
    }

    internal static async Task<string> UploadAsync(TestUser user, Guid cipherId, byte[] bytes)
    {
        var announced = await user.Client.PostJsonAsync($"/api/ciphers/{cipherId}/attachment/v2", Announce(user, bytes.Length));
        var attachmentId = announced["attachmentId"]!.GetValue<string>();
        var upload = await user.Client.Http.PostAsync($"/api{announced["url"]}", Multipart(bytes), Ct);
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        return attachmentId;
    }

    [Fact]
    public async Task UploadThenDownload_ReturnsTheSameBytesAndShowsOnTheItem()
    {
        var user = await api.LoginNewUserAsync();
        var cipherId = await TestCiphers.CreateAsync(user);
        var bytes = RandomNumberGenerator.GetBytes(200_000);
        var before = await user.Client.GetRevisionDateAsync();

        var announced = await user.Client.PostJsonAsync($"/api/ciphers/{cipherId}/attachment/v2", Announce(user, bytes.Length));
        Assert.Equal("attachment-fileUpload", announced["object"]!.GetValue<string>());
        Assert.Equal(0, announced["fileUploadType"]!.GetValue<int>());
        Assert.Equal(cipherId.ToString(), announced["cipherResponse"]!["id"]!.GetValue<string>());
        var attachmentId = announced["attachmentId"]!.GetValue<string>();
        Assert.Matches("^[a-z0-9]{32}$", attachmentId);
        var upload = await user.Client.Http.PostAsync($"/api/ciphers/{cipherId}/attachment/{attachmentId}", Multipart(bytes), Ct);
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);

        var meta = await user.Client.GetJsonAsync($"/api/ciphers/{cipherId}/attachment/{attachmentId}");
        Assert.Equal("attachment", meta["object"]!.GetValue<string>());
        Assert.Equal("report.pdf", user.Account.Decrypt(meta["fileName"]!.GetValue<string>()));
        Assert.Equal("200000", meta["size"]!.GetValue<string>());
        Assert.Equal("195.31 KB", meta["sizeName"]!.GetValue<string>());
        var anonymous = api.CreateApiClient();   // the download link is fetched without a bearer token
        var downloaded = await anonymous.Http.GetByteArrayAsync(meta["url"]!.GetValue<string>(), Ct);
        Assert.Equal(bytes, downloaded);
        var item = await user.Client.GetJsonAsync($"/api/ciphers/{cipherId}");
        Assert.Equal(attachmentId, item["attachments"]![0]!["id"]!.GetValue<string>());
        Assert.True(await user.Client.GetRevisionDateAsync() > before);
    }

    /// <summary>Sync reads attachments in its item query, a row per attachment; each item must still come out once, whole.</summary>
    [Fact]
    public async Task Sync_ListsEveryUploadedAttachmentOnceItsItem_AsTheSingleRead()
    {
        var user = await api.LoginNewUserAsync();
        var two = await TestCiphers.CreateAsync(user);
        var one = await TestCiphers.CreateAsync(user);
        var none = await TestCiphers.CreateAsync(user);
        var first = await UploadAsync(user, two, RandomNumberGenerator.GetBytes(100));
        var second = await UploadAsync(user, two, RandomNumberGenerator.GetBytes(200));
        await user.Client.PostJsonAsync($"/api/ciphers/{two}/attachment/v2", Announce(user, 10));   // never uploaded
        var only = await UploadAsync(user, one, RandomNumberGenerator.GetBytes(50));

        var sync = await user.Client.GetJsonAsync("/api/sync?excludeDomains=true");

        var items = sync["ciphers"]!.AsArray().ToDictionary(c => Guid.Parse(c!["id"]!.GetValue<string>()));
        Assert.Equal([.. new[] { two, one, none }.Order()], items.Keys);
        Assert.Equal([.. new[] { first, second }.Order(StringComparer.Ordinal)], items[two]!["attachments"]!.AsArray().Select(a => a!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Equal(only, items[one]!["attachments"]!.AsArray().Single()!["id"]!.GetValue<string>());
        Assert.Null(items[none]!["attachments"]);
        foreach (var (id, item) in items)
        {
            var single = await user.Client.GetJsonAsync($"/api/ciphers/{id}");
            Assert.Equal(WithoutDownloadLinks(single), WithoutDownloadLinks(item!));
        }
    }

    /// <summary>The item's JSON without the attachments' download links, which are signed afresh for every response.</summary>
    static string WithoutDownloadLinks(System.Text.Json.Nodes.JsonNode item)
    {
        var copy = item.DeepClone();
        foreach (var attachment in copy["attachments"]?.AsArray() ?? [])
        {
            Assert.StartsWith("http", attachment!["url"]!.GetValue<string>(), StringComparison.Ordinal);
            attachment.AsObject().Remove("url");
        }
        return copy.ToJsonString();
    }

    [Fact]
    public async Task AnnouncedButNotUploaded_IsNotListedOnTheItem()
    {
        var user = await api.LoginNewUserAsync();
        var cipherId = await TestCiphers.CreateAsync(user);

        var announced = await user.Client.PostJsonAsync($"/api/ciphers/{cipherId}/attachment/v2", Announce(user, 10));

        var item = await user.Client.GetJsonAsync($"/api/ciphers/{cipherId}");
        Assert.Empty(item["attachments"]?.AsArray() ?? []);
        await ApiClient.ReadErrorAsync(await user.Client.GetAsync($"/api/ciphers/{cipherId}/attachment/{announced["attachmentId"]}"),
            HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Delete_RemovesRowAndFile()
    {
        var user = await api.LoginNewUserAsync();
        var cipherId = await TestCiphers.CreateAsync(user);
        var attachmentId = await UploadAsync(user, cipherId, [1, 2, 3]);
        var path = Path.Combine(api.DataDirectory, "attachments", cipherId.ToString("N"), attachmentId);
        Assert.True(File.Exists(path));

        var response = await ApiClient.ReadOkAsync(await user.Client.DeleteAsync($"/api/ciphers/{cipherId}/attachment/{attachmentId}"));

        Assert.Empty(response["cipher"]!["attachments"]?.AsArray() ?? []);
        Assert.False(File.Exists(path));
        await ApiClient.ReadErrorAsync(await user.Client.GetAsync($"/api/ciphers/{cipherId}/attachment/{attachmentId}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PermanentDeleteOfItem_RemovesItsFiles()
    {
        var user = await api.LoginNewUserAsync();
        var cipherId = await TestCiphers.CreateAsync(user);
        await UploadAsync(user, cipherId, [9, 9]);

        Assert.Equal(HttpStatusCode.OK, (await user.Client.DeleteAsync($"/api/ciphers/{cipherId}")).StatusCode);

        Assert.False(Directory.Exists(Path.Combine(api.DataDirectory, "attachments", cipherId.ToString("N"))));
    }

    [Fact]
    public async Task Upload_SizeOtherThanAnnounced_Returns400AndStoresNothing()
    {
        var user = await api.LoginNewUserAsync();
        var cipherId = await TestCiphers.CreateAsync(user);
        var announced = await user.Client.PostJsonAsync($"/api/ciphers/{cipherId}/attachment/v2", Announce(user, 100));
        var url = $"/api/ciphers/{cipherId}/attachment/{announced["attachmentId"]}";

        await ApiClient.ReadErrorAsync(await user.Client.Http.PostAsync(url, Multipart(new byte[99]), Ct), HttpStatusCode.BadRequest);
        await ApiClient.ReadErrorAsync(await user.Client.Http.PostAsync(url, Multipart(new byte[101]), Ct), HttpStatusCode.BadRequest);
        await ApiClient.ReadErrorAsync(await user.Client.Http.PostAsync(url, Multipart(new byte[100], part: "other"), Ct), HttpStatusCode.BadRequest);
        await ApiClient.ReadErrorAsync(await user.Client.PostRawAsync(url, "{}"), HttpStatusCode.BadRequest);

        Assert.Empty(Directory.GetFiles(Path.Combine(api.DataDirectory, "attachments", cipherId.ToString("N"))));
        Assert.Equal(HttpStatusCode.OK, (await user.Client.Http.PostAsync(url, Multipart(new byte[100]), Ct)).StatusCode);
        await ApiClient.ReadErrorAsync(await user.Client.Http.PostAsync(url, Multipart(new byte[100]), Ct), HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(600L * 1024 * 1024)]
    public async Task Announce_BadSize_Returns400(long size)
    {
        var user = await api.LoginNewUserAsync();
        var cipherId = await TestCiphers.CreateAsync(user);

        var error = await ApiClient.ReadErrorAsync(await user.Client.PostAsync($"/api/ciphers/{cipherId}/attachment/v2", Announce(user, size)),
            HttpStatusCode.BadRequest);

        Assert.NotNull(error["validationErrors"]!["FileSize"]);
    }

    [Fact]
    public async Task Announce_BadEncStringOrStaleRevision_Returns400()
    {
        var user = await api.LoginNewUserAsync();
        var cipherId = await TestCiphers.CreateAsync(user);

        await ApiClient.ReadErrorAsync(await user.Client.PostAsync($"/api/ciphers/{cipherId}/attachment/v2",
            new { key = "plain", fileName = user.Account.Encrypt("a"), fileSize = 5 }), HttpStatusCode.BadRequest);
        await ApiClient.ReadErrorAsync(await user.Client.PostAsync($"/api/ciphers/{cipherId}/attachment/v2",
            new { key = user.Account.Encrypt("k"), fileName = user.Account.Encrypt("a"), fileSize = 5, lastKnownRevisionDate = "2020-01-01T00:00:00Z" }),
            HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task AnotherUsersItem_IsNotFoundOnEveryRoute_AndForgedLinksFail()
    {
        var owner = await api.LoginNewUserAsync();
        var other = await api.LoginNewUserAsync();
        var cipherId = await TestCiphers.CreateAsync(owner);
        var attachmentId = await UploadAsync(owner, cipherId, [1, 2, 3, 4]);
        var url = $"/api/ciphers/{cipherId}/attachment/{attachmentId}";

        await ApiClient.ReadErrorAsync(await other.Client.PostAsync($"/api/ciphers/{cipherId}/attachment/v2", Announce(other, 4)), HttpStatusCode.NotFound);
        await ApiClient.ReadErrorAsync(await other.Client.GetAsync(url), HttpStatusCode.NotFound);
        await ApiClient.ReadErrorAsync(await other.Client.Http.PostAsync(url, Multipart([1, 2, 3, 4]), Ct), HttpStatusCode.NotFound);
        await ApiClient.ReadErrorAsync(await other.Client.DeleteAsync(url), HttpStatusCode.NotFound);
        await ApiClient.ReadErrorAsync(await other.Client.PostAsync($"{url}/delete"), HttpStatusCode.NotFound);
        var anonymous = api.CreateApiClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync($"/api/ciphers/{cipherId}/attachment/v2", Announce(owner, 4))).StatusCode);

        var link = (await owner.Client.GetJsonAsync(url))["url"]!.GetValue<string>();
        var otherItem = await TestCiphers.CreateAsync(other);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(link.Replace(cipherId.ToString(), otherItem.ToString(), StringComparison.Ordinal))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(link[..link.IndexOf("token=", StringComparison.Ordinal)] + "token=forged")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(link[..link.IndexOf('?', StringComparison.Ordinal)])).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.Client.GetAsync(url)).StatusCode);   // the owner still reads it
    }
}
