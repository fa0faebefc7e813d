using System.Net;
using System.Text.Json.Nodes;
using Custodian.Tests.Infrastructure;

namespace Custodian.Tests.PublicApi;

/// <summary><c>POST /api/public/organization/import</c> with Directory Connector's body.</summary>
public sealed class OrganizationImportTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    static object Body(int members, int groups, int perGroup, bool overwrite, string prefix, IEnumerable<object>? extra = null) => new
    {
        groups = Enumerable.Range(0, groups).Select(g => new
        {
            name = $"Group {g}", externalId = $"cn=group{g},ou=groups",
            memberExternalIds = Enumerable.Range(g * perGroup, perGroup).Select(i => $"cn=user{i % members},ou=people"),
        }),
        members = Enumerable.Range(0, members).Select(i => (object)new { email = $"{prefix}-user{i}@example.com", externalId = $"cn=user{i},ou=people", deleted = false })
            .Concat(extra ?? []),
        overwriteExisting = overwrite,
        largeImport = false,
    };

    [Fact]
    public async Task Import_ThousandMembersFiftyGroups_ThenResyncWithOverwriteAndDeletions()
    {
        var owner = await api.LoginNewUserAsync();
        var org = await owner.CreateOrganizationAsync();
        var client = await api.OrgApiClientAsync(org);
        var prefix = Guid.NewGuid().ToString("N")[..8];

        await ApiClient.ReadOkOrEmptyAsync(await client.PostAsync("/api/public/organization/import", Body(1000, 50, 20, overwrite: false, prefix)));

        var members = (await client.GetJsonAsync("/api/public/members"))["data"]!.AsArray();
        Assert.Equal(1001, members.Count);
        Assert.Equal(1000, members.Count(m => m!["status"]!.GetValue<int>() == 0 && m["externalId"]?.GetValue<string>() is not null));
        var groups = (await client.GetJsonAsync("/api/public/groups"))["data"]!.AsArray();
        Assert.Equal(50, groups.Count);
        var group7 = groups.Single(g => g!["externalId"]!.GetValue<string>() == "cn=group7,ou=groups")!;
        var memberIds = await ApiClient.ReadArrayAsync(await client.GetAsync($"/api/public/groups/{group7["id"]}/member-ids"));
        Assert.Equal(20, memberIds.Count);

        // Next sync: 900 remain, user0 is flagged deleted, group 49 is gone from the directory.
        await ApiClient.ReadOkOrEmptyAsync(await client.PostAsync("/api/public/organization/import",
            Body(900, 49, 20, overwrite: true, prefix, [new { email = (string?)null, externalId = "cn=user0,ou=people", deleted = true }])));
        members = (await client.GetJsonAsync("/api/public/members"))["data"]!.AsArray();
        Assert.Equal(900, members.Count);   // the owner plus users 1..899
        Assert.Contains(members, m => m!["email"]!.GetValue<string>() == owner.Email);
        Assert.DoesNotContain(members, m => m!["externalId"]?.GetValue<string>() == "cn=user0,ou=people");
        Assert.Equal(49, (await client.GetJsonAsync("/api/public/groups"))["data"]!.AsArray().Count);
    }

    [Fact]
    public async Task Import_ExistingAccountLinkedByEmail_TooLargeWithoutFlag400_MissingEmail400()
    {
        var owner = await api.LoginNewUserAsync();
        var org = await owner.CreateOrganizationAsync();
        var client = await api.OrgApiClientAsync(org);
        await ApiClient.ReadOkOrEmptyAsync(await client.PostAsync("/api/public/organization/import", new
        {
            members = new[] { new { email = owner.Email.ToUpperInvariant(), externalId = "owner-ext" } }, overwriteExisting = true,
        }));
        var ownerRow = Assert.Single((await client.GetJsonAsync("/api/public/members"))["data"]!.AsArray())!;
        Assert.Equal("owner-ext", ownerRow["externalId"]!.GetValue<string>());

        var error = await ApiClient.ReadErrorAsync(await client.PostAsync("/api/public/organization/import", Body(2001, 0, 0, false, "big")), HttpStatusCode.BadRequest);
        Assert.Equal("You cannot import this much data at once.", error["message"]!.GetValue<string>());
        await ApiClient.ReadErrorAsync(await client.PostAsync("/api/public/organization/import", new
        {
            members = new[] { new { email = (string?)null, externalId = "x", deleted = false } }, overwriteExisting = false,
        }), HttpStatusCode.BadRequest);
        await ApiClient.ReadErrorAsync(await client.PostAsync("/api/public/organization/import", new { members = Array.Empty<object>() }), HttpStatusCode.BadRequest);
        Assert.Single((await client.GetJsonAsync("/api/public/members"))["data"]!.AsArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.Client.PostAsync("/api/public/organization/import", new { overwriteExisting = false })).StatusCode);
    }
}
