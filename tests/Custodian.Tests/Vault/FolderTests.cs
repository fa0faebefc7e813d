using System.Net;
using Custodian.Tests.Infrastructure;

namespace Custodian.Tests.Vault;

public sealed class FolderTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Crud_Owner_CreatesRenamesListsDeletes()
    {
        var user = await api.LoginNewUserAsync();

        var created = await user.Client.PostJsonAsync("/api/folders", new { name = user.Account.Encrypt("Work") });
        var id = created["id"]!.GetValue<string>();
        var renamed = await user.Client.PutJsonAsync($"/api/folders/{id}", new { name = user.Account.Encrypt("Home") });
        var list = await user.Client.GetJsonAsync("/api/folders");
        Assert.Equal(HttpStatusCode.OK, (await user.Client.DeleteAsync($"/api/folders/{id}")).StatusCode);

        Assert.Equal("folder", created["object"]!.GetValue<string>());
        Assert.Equal("Home", user.Account.Decrypt(renamed["name"]!.GetValue<string>()));
        Assert.Single(list["data"]!.AsArray());
        Assert.Empty((await user.Client.GetJsonAsync("/api/folders"))["data"]!.AsArray());
    }

    [Fact]
    public async Task Delete_FolderWithItems_KeepsItemsUnfiled()
    {
        var user = await api.LoginNewUserAsync();
        var folderId = await TestCiphers.CreateFolderAsync(user);
        var cipherId = await TestCiphers.CreateAsync(user, TestCiphers.Login(user, folderId: folderId.ToString()));

        await user.Client.PostAsync($"/api/folders/{folderId}/delete");

        var cipher = await user.Client.GetJsonAsync($"/api/ciphers/{cipherId}");
        Assert.Null(cipher["folderId"]?.GetValue<string>());
    }

    [Fact]
    public async Task OtherUsersFolder_Returns404_Anonymous401_BadName400()
    {
        var owner = await api.LoginNewUserAsync();
        var stranger = await api.LoginNewUserAsync();
        var folderId = await TestCiphers.CreateFolderAsync(owner);

        await ApiClient.ReadErrorAsync(await stranger.Client.GetAsync($"/api/folders/{folderId}"), HttpStatusCode.NotFound);
        await ApiClient.ReadErrorAsync(await stranger.Client.PutAsync($"/api/folders/{folderId}", new { name = stranger.Account.Encrypt("x") }), HttpStatusCode.NotFound);
        await ApiClient.ReadErrorAsync(await stranger.Client.DeleteAsync($"/api/folders/{folderId}"), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateApiClient().GetAsync("/api/folders")).StatusCode);
        var error = await ApiClient.ReadErrorAsync(await owner.Client.PostAsync("/api/folders", new { name = "plain" }), HttpStatusCode.BadRequest);
        Assert.NotNull(error["validationErrors"]!["Name"]);
        await owner.Client.GetJsonAsync($"/api/folders/{folderId}");
    }
}
