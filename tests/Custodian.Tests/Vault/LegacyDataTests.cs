using System.Text.Json.Nodes;
using Custodian.Tests.Infrastructure;

namespace Custodian.Tests.Vault;

/// <summary>
/// Clients other than the official apps read an item from its legacy <c>data</c> string (Bitwarden's stored form);
/// the official apps, which name themselves, get it empty as before.
/// </summary>
public sealed class LegacyDataTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task SyncAndGet_OtherClient_DataMatchesTheTypedFields()
    {
        var user = await api.LoginNewUserAsync();
        var id = await TestCiphers.CreateAsync(user);
        var card = await TestCiphers.CreateAsync(user, TestCiphers.OfType(user, 3));
        user.Client.Http.DefaultRequestHeaders.Remove("Bitwarden-Client-Name");

        var items = (await user.Client.GetJsonAsync("/api/sync"))["ciphers"]!.AsArray();
        var item = items.Single(i => i!["id"]!.GetValue<string>() == id.ToString())!.AsObject();
        var data = JsonNode.Parse(item["data"]!.GetValue<string>())!.AsObject();
        Assert.Equal(item["name"]!.GetValue<string>(), data["Name"]!.GetValue<string>());
        Assert.Equal(item["notes"]!.GetValue<string>(), data["Notes"]!.GetValue<string>());
        Assert.Equal(item["login"]!["username"]!.GetValue<string>(), data["Username"]!.GetValue<string>());
        Assert.Equal(item["login"]!["password"]!.GetValue<string>(), data["Password"]!.GetValue<string>());
        Assert.Equal(item["login"]!["totp"]!.GetValue<string>(), data["Totp"]!.GetValue<string>());
        Assert.Equal(item["login"]!["uris"]![0]!["uri"]!.GetValue<string>(), data["Uris"]![0]!["Uri"]!.GetValue<string>());
        Assert.Equal(item["login"]!["uris"]![0]!["uri"]!.GetValue<string>(), data["Uri"]!.GetValue<string>());
        Assert.Equal(item["fields"]![0]!["value"]!.GetValue<string>(), data["Fields"]![0]!["Value"]!.GetValue<string>());
        Assert.Equal(item["passwordHistory"]![0]!["password"]!.GetValue<string>(), data["PasswordHistory"]![0]!["Password"]!.GetValue<string>());
        Assert.False(data.ContainsKey("Login"));

        var cardItem = items.Single(i => i!["id"]!.GetValue<string>() == card.ToString())!;
        var cardData = JsonNode.Parse(cardItem["data"]!.GetValue<string>())!;
        Assert.Equal(cardItem["card"]!["number"]!.GetValue<string>(), cardData["Number"]!.GetValue<string>());

        var single = await user.Client.GetJsonAsync($"/api/ciphers/{id}");
        Assert.Equal(item["data"]!.GetValue<string>(), single["data"]!.GetValue<string>());
        Assert.Equal(item.ToJsonString(), single.ToJsonString());
    }

    [Fact]
    public async Task Sync_OfficialApp_GetsNoLegacyData()
    {
        var user = await api.LoginNewUserAsync();
        await TestCiphers.CreateAsync(user);
        var item = (await user.Client.GetJsonAsync("/api/sync"))["ciphers"]![0]!;
        Assert.Null(item["data"]);
    }
}
