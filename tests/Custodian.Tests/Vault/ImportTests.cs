using System.Net;
using Custodian.Tests.Infrastructure;

namespace Custodian.Tests.Vault;

public sealed class ImportTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Import_CreatesItemsAndFoldersByRelationshipIndex()
    {
        var user = await api.LoginNewUserAsync();
        var existingFolder = await TestCiphers.CreateFolderAsync(user, "Existing");
        var fileFolderId = Guid.NewGuid().ToString();   // an id from the file that does not exist on this server
        var first = TestCiphers.Login(user, "first", folderId: fileFolderId);
        var second = TestCiphers.OfType(user, 3);
        second["favorite"] = true;
        var third = TestCiphers.OfType(user, 2);
        var before = await user.Client.GetRevisionDateAsync();

        var response = await user.Client.PostAsync("/api/ciphers/import", new
        {
            ciphers = new[] { first, second, third },
            folders = new[] { new { id = fileFolderId, name = user.Account.Encrypt("Imported") }, new { id = existingFolder.ToString(), name = user.Account.Encrypt("Existing") } },
            folderRelationships = new[] { new { key = 0, value = 0 }, new { key = 1, value = 1 } },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sync = await user.Client.GetJsonAsync("/api/sync?excludeDomains=true");
        var folders = sync["folders"]!.AsArray();
        Assert.Equal(2, folders.Count);
        var imported = folders.Single(f => f!["id"]!.GetValue<string>() != existingFolder.ToString())!;
        Assert.Equal("Imported", user.Account.Decrypt(imported["name"]!.GetValue<string>()));
        Assert.NotEqual(fileFolderId, imported["id"]!.GetValue<string>());
        var ciphers = sync["ciphers"]!.AsArray();
        Assert.Equal(3, ciphers.Count);
        var byName = ciphers.ToDictionary(c => user.Account.Decrypt(c!["name"]!.GetValue<string>()), c => c!);
        Assert.Equal(imported["id"]!.GetValue<string>(), byName["first"]["folderId"]!.GetValue<string>());
        Assert.Equal(existingFolder.ToString(), byName["item of type 3"]["folderId"]!.GetValue<string>());
        Assert.True(byName["item of type 3"]["favorite"]!.GetValue<bool>());
        Assert.Null(byName["item of type 2"]["folderId"]);
        Assert.Equal("s3cret!", user.Account.Decrypt(byName["first"]["login"]!["password"]!.GetValue<string>()));
        Assert.True(await user.Client.GetRevisionDateAsync() > before);
    }

    [Fact]
    public async Task Import_OneBadItem_ImportsNothingAndNamesTheItem()
    {
        var user = await api.LoginNewUserAsync();
        var bad = TestCiphers.Login(user, "bad");
        bad["name"] = "not encrypted";

        var error = await ApiClient.ReadErrorAsync(await user.Client.PostAsync("/api/ciphers/import", new
        {
            ciphers = new[] { TestCiphers.Login(user, "good"), bad },
            folders = new[] { new { id = (string?)null, name = user.Account.Encrypt("F") } },
            folderRelationships = Array.Empty<object>(),
        }), HttpStatusCode.BadRequest);

        Assert.NotNull(error["validationErrors"]!["Ciphers[1].Name"]);
        var sync = await user.Client.GetJsonAsync("/api/sync?excludeDomains=true");
        Assert.Empty(sync["ciphers"]!.AsArray());
        Assert.Empty(sync["folders"]!.AsArray());
    }

    [Theory]
    [InlineData(2, 0)]
    [InlineData(0, 1)]
    [InlineData(-1, 0)]
    public async Task Import_RelationshipOutOfRange_ImportsNothing(int cipherIndex, int folderIndex)
    {
        var user = await api.LoginNewUserAsync();

        await ApiClient.ReadErrorAsync(await user.Client.PostAsync("/api/ciphers/import", new
        {
            ciphers = new[] { TestCiphers.Login(user, "a"), TestCiphers.Login(user, "b") },
            folders = new[] { new { id = (string?)null, name = user.Account.Encrypt("F") } },
            folderRelationships = new[] { new { key = cipherIndex, value = folderIndex } },
        }), HttpStatusCode.BadRequest);

        var sync = await user.Client.GetJsonAsync("/api/sync?excludeDomains=true");
        Assert.Empty(sync["ciphers"]!.AsArray());
        Assert.Empty(sync["folders"]!.AsArray());
    }

    [Fact]
    public async Task Import_AnotherUsersFolderId_BecomesANewFolderOfTheCaller()
    {
        var other = await api.LoginNewUserAsync();
        var user = await api.LoginNewUserAsync();
        var othersFolder = await TestCiphers.CreateFolderAsync(other, "Private");

        var response = await user.Client.PostAsync("/api/ciphers/import", new
        {
            ciphers = new[] { TestCiphers.Login(user, "a") },
            folders = new[] { new { id = othersFolder.ToString(), name = user.Account.Encrypt("Mine") } },
            folderRelationships = new[] { new { key = 0, value = 0 } },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var folder = (await user.Client.GetJsonAsync("/api/folders"))["data"]!.AsArray().Single()!;
        Assert.NotEqual(othersFolder.ToString(), folder["id"]!.GetValue<string>());
        Assert.Single((await other.Client.GetJsonAsync("/api/folders"))["data"]!.AsArray());
        Assert.Empty((await other.Client.GetJsonAsync("/api/ciphers"))["data"]!.AsArray());
    }

    [Fact]
    public async Task Import_TooMuchData_OrOrganizationItems_OrAnonymous_IsRefused()
    {
        var user = await api.LoginNewUserAsync();
        var many = Enumerable.Range(0, 2001).Select(_ => new { id = (string?)null, name = user.Account.Encrypt("F") }).ToArray();
        await ApiClient.ReadErrorAsync(await user.Client.PostAsync("/api/ciphers/import",
            new { ciphers = Array.Empty<object>(), folders = many, folderRelationships = Array.Empty<object>() }), HttpStatusCode.BadRequest);

        var orgItem = TestCiphers.Login(user);
        orgItem["organizationId"] = Guid.NewGuid();
        await ApiClient.ReadErrorAsync(await user.Client.PostAsync("/api/ciphers/import",
            new { ciphers = new[] { orgItem }, folders = Array.Empty<object>(), folderRelationships = Array.Empty<object>() }), HttpStatusCode.BadRequest);

        await ApiClient.ReadErrorAsync(await user.Client.PostRawAsync("/api/ciphers/import", "{\"ciphers\": 5}"), HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateApiClient().PostAsync("/api/ciphers/import", new { ciphers = Array.Empty<object>() })).StatusCode);
        Assert.Empty((await user.Client.GetJsonAsync("/api/folders"))["data"]!.AsArray());
    }
}
