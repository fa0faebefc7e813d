using System.Net;
using Custodian.Server.Features.Organizations;
using Custodian.Tests.Infrastructure;
using Custodian.Tests.Vault;

namespace Custodian.Tests.Organizations;

public sealed class OrgCipherTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    async Task<(TestOrganization Org, TestUser Member, Guid MemberId)> OrgWithMemberAsync(OrganizationUserType type = OrganizationUserType.User)
    {
        var owner = await api.LoginNewUserAsync();
        var org = await owner.CreateOrganizationAsync();
        var member = await api.LoginNewUserAsync();
        return (org, member, await api.AddConfirmedMemberAsync(org, member, type));
    }

    [Fact]
    public async Task MemberOfCollection_SeesDecryptsAndEditsItem_OthersDoNot()
    {
        var (org, member, memberId) = await OrgWithMemberAsync();
        var collection = await org.CreateCollectionAsync("Shared", TestCollections.Access(memberId));
        var outsider = await api.LoginNewUserAsync();
        var colleague = await api.LoginNewUserAsync();
        await api.AddConfirmedMemberAsync(org, colleague);   // in the org, but not in the collection
        var before = await member.Client.GetRevisionDateAsync();

        var itemId = await org.CreateItemAsync(org.Owner, "Router", collection);

        Assert.True(await member.Client.GetRevisionDateAsync() > before);
        var sync = await member.Client.GetJsonAsync("/api/sync?excludeDomains=true");
        var item = sync["ciphers"]!.AsArray().Single()!;
        Assert.Equal(org.Id.ToString(), item["organizationId"]!.GetValue<string>());
        Assert.Equal("Router", org.Decrypt(item["name"]!.GetValue<string>()));
        Assert.Equal(collection.ToString(), item["collectionIds"]![0]!.GetValue<string>());
        Assert.True(item["edit"]!.GetValue<bool>());
        Assert.Equal("Shared", org.Decrypt(sync["collections"]!.AsArray().Single()!["name"]!.GetValue<string>()));
        Assert.Equal("collectionDetails", sync["collections"]![0]!["object"]!.GetValue<string>());

        var edited = TestCollections.Item(org, "Router 2");
        edited["lastKnownRevisionDate"] = item["revisionDate"]!.GetValue<string>();
        var updated = await member.Client.PutJsonAsync($"/api/ciphers/{itemId}", edited);
        Assert.Equal("Router 2", org.Decrypt(updated["name"]!.GetValue<string>()));

        Assert.Empty((await colleague.Client.GetJsonAsync("/api/sync?excludeDomains=true"))["ciphers"]!.AsArray());
        Assert.Empty((await outsider.Client.GetJsonAsync("/api/sync?excludeDomains=true"))["ciphers"]!.AsArray());
        foreach (var other in new[] { colleague, outsider })
        {
            await ApiClient.ReadErrorAsync(await other.Client.GetAsync($"/api/ciphers/{itemId}"), HttpStatusCode.NotFound);
            await ApiClient.ReadErrorAsync(await other.Client.PutAsync($"/api/ciphers/{itemId}", edited), HttpStatusCode.NotFound);
            await ApiClient.ReadErrorAsync(await other.Client.PutAsync($"/api/ciphers/{itemId}/delete"), HttpStatusCode.NotFound);
            await ApiClient.ReadErrorAsync(await other.Client.DeleteAsync($"/api/ciphers/{itemId}/admin"), HttpStatusCode.NotFound);
            await ApiClient.ReadErrorAsync(await other.Client.PutAsync($"/api/ciphers/{itemId}/collections_v2", new { collectionIds = new[] { collection } }), HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task ReadOnlyAndHiddenPasswords_AreReflectedAndEnforced()
    {
        var (org, member, memberId) = await OrgWithMemberAsync();
        var collection = await org.CreateCollectionAsync("Read only", TestCollections.Access(memberId, readOnly: true, hidePasswords: true));
        var itemId = await org.CreateItemAsync(org.Owner, "Vault door", collection);

        var item = await member.Client.GetJsonAsync($"/api/ciphers/{itemId}");

        Assert.False(item["edit"]!.GetValue<bool>());
        Assert.False(item["viewPassword"]!.GetValue<bool>());
        Assert.False(item["permissions"]!["delete"]!.GetValue<bool>());
        await ApiClient.ReadErrorAsync(await member.Client.PutAsync($"/api/ciphers/{itemId}", TestCollections.Item(org, "x")), HttpStatusCode.NotFound);
        await ApiClient.ReadErrorAsync(await member.Client.PutAsync($"/api/ciphers/{itemId}/delete"), HttpStatusCode.NotFound);
        await ApiClient.ReadErrorAsync(await member.Client.DeleteAsync($"/api/ciphers/{itemId}"), HttpStatusCode.NotFound);
        await ApiClient.ReadErrorAsync(await member.Client.PostAsync("/api/ciphers/create",
            new { cipher = TestCollections.Item(org, "new"), collectionIds = new[] { collection } }), HttpStatusCode.BadRequest);
        // Folder and favorite are the member's own, so read access is enough for them.
        var partial = await member.Client.PutJsonAsync($"/api/ciphers/{itemId}/partial", new { folderId = (string?)null, favorite = true });
        Assert.True(partial["favorite"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Create_WithoutCollectionsOrIntoForeignOrg_IsRefused()
    {
        var (org, member, memberId) = await OrgWithMemberAsync();
        var collection = await org.CreateCollectionAsync("Mine", TestCollections.Access(memberId));
        var otherOrg = await (await api.LoginNewUserAsync()).CreateOrganizationAsync();
        var foreignCollection = await otherOrg.CreateCollectionAsync("Theirs");

        await ApiClient.ReadErrorAsync(await member.Client.PostAsync("/api/ciphers/create",
            new { cipher = TestCollections.Item(org, "x"), collectionIds = Array.Empty<Guid>() }), HttpStatusCode.BadRequest);
        await ApiClient.ReadErrorAsync(await member.Client.PostAsync("/api/ciphers/create",
            new { cipher = TestCollections.Item(org, "x"), collectionIds = new[] { foreignCollection } }), HttpStatusCode.BadRequest);
        await ApiClient.ReadErrorAsync(await member.Client.PostAsync("/api/ciphers/create",
            new { cipher = TestCollections.Item(otherOrg, "x"), collectionIds = new[] { foreignCollection } }), HttpStatusCode.NotFound);
        await ApiClient.ReadErrorAsync(await member.Client.PostAsync("/api/ciphers/create",
            new { cipher = TestCollections.Item(org, "x"), collectionIds = new[] { collection, Guid.NewGuid() } }), HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.OK, (await member.Client.PostAsync("/api/ciphers/create",
            new { cipher = TestCollections.Item(org, "ok"), collectionIds = new[] { collection } })).StatusCode);
    }

    [Fact]
    public async Task Share_MovesPersonalItemIntoOrg_ForEveryMemberOfTheCollection()
    {
        var (org, member, memberId) = await OrgWithMemberAsync();
        var collection = await org.CreateCollectionAsync("Team", TestCollections.Access(memberId));
        var personalId = await TestCiphers.CreateAsync(org.Owner);
        var personal = await org.Owner.Client.GetJsonAsync($"/api/ciphers/{personalId}");
        var body = TestCollections.Item(org, "Now shared");
        body["lastKnownRevisionDate"] = personal["revisionDate"]!.GetValue<string>();

        var shared = await org.Owner.Client.PutJsonAsync($"/api/ciphers/{personalId}/share", new { cipher = body, collectionIds = new[] { collection } });

        Assert.Equal(org.Id.ToString(), shared["organizationId"]!.GetValue<string>());
        var seen = (await member.Client.GetJsonAsync("/api/sync?excludeDomains=true"))["ciphers"]!.AsArray().Single()!;
        Assert.Equal("Now shared", org.Decrypt(seen["name"]!.GetValue<string>()));
        await ApiClient.ReadErrorAsync(await org.Owner.Client.PutAsync($"/api/ciphers/{personalId}/share",
            new { cipher = body, collectionIds = new[] { collection } }), HttpStatusCode.BadRequest);
        await ApiClient.ReadErrorAsync(await member.Client.PutAsync($"/api/ciphers/{await TestCiphers.CreateAsync(org.Owner)}/share",
            new { cipher = body, collectionIds = new[] { collection } }), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Share_ItemWithAttachmentNotReEncrypted_IsRefused()
    {
        var (org, _, _) = await OrgWithMemberAsync();
        var collection = await org.CreateCollectionAsync("Team");
        var personalId = await TestCiphers.CreateAsync(org.Owner);
        await org.Owner.Client.PostJsonAsync($"/api/ciphers/{personalId}/attachment/v2",
            new { key = org.Owner.Account.Encrypt("k"), fileName = org.Owner.Account.Encrypt("f"), fileSize = 3 });

        await ApiClient.ReadErrorAsync(await org.Owner.Client.PutAsync($"/api/ciphers/{personalId}/share",
            new { cipher = TestCollections.Item(org, "x"), collectionIds = new[] { collection } }), HttpStatusCode.BadRequest);

        Assert.Null((await org.Owner.Client.GetJsonAsync($"/api/ciphers/{personalId}"))["organizationId"]);
    }

    [Fact]
    public async Task CollectionsV2_MovingItemOutOfReach_ReportsUnavailable()
    {
        var (org, member, memberId) = await OrgWithMemberAsync();
        var mine = await org.CreateCollectionAsync("Mine", TestCollections.Access(memberId));
        var other = await org.CreateCollectionAsync("Other");
        var itemId = await org.CreateItemAsync(member, "Moving", mine);

        var kept = await org.Owner.Client.PutJsonAsync($"/api/ciphers/{itemId}/collections_v2", new { collectionIds = new[] { mine, other } });
        Assert.False(kept["unavailable"]!.GetValue<bool>());
        Assert.Equal(2, kept["cipher"]!["collectionIds"]!.AsArray().Count);

        // The member can write only to "Mine", so dropping it leaves the owner's link to "Other" in place.
        var gone = await member.Client.PutJsonAsync($"/api/ciphers/{itemId}/collections_v2", new { collectionIds = Array.Empty<Guid>() });
        Assert.True(gone["unavailable"]!.GetValue<bool>());
        var details = await org.Owner.Client.GetJsonAsync($"/api/ciphers/organization-details?organizationId={org.Id}");
        Assert.Equal(other.ToString(), details["data"]![0]!["collectionIds"]!.AsArray().Single()!.GetValue<string>());
        await ApiClient.ReadErrorAsync(await member.Client.PutAsync($"/api/ciphers/{itemId}/collections_v2", new { collectionIds = new[] { mine } }),
            HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task OrganizationDetails_AdminSeesUnassignedItems_UserOnlyHis_StrangerNothing()
    {
        var (org, member, memberId) = await OrgWithMemberAsync();
        var admin = await api.LoginNewUserAsync();
        await api.AddConfirmedMemberAsync(org, admin, OrganizationUserType.Admin);
        var mine = await org.CreateCollectionAsync("Mine", TestCollections.Access(memberId));
        var hidden = await org.CreateCollectionAsync("Hidden");
        await org.CreateItemAsync(org.Owner, "Visible", mine);
        await org.CreateItemAsync(org.Owner, "Invisible", hidden);
        var unassigned = await org.Owner.Client.PostJsonAsync("/api/ciphers/admin",
            new { cipher = TestCollections.Item(org, "Unassigned"), collectionIds = Array.Empty<Guid>() });

        var forAdmin = await admin.Client.GetJsonAsync($"/api/ciphers/organization-details?organizationId={org.Id}");
        var forMember = await member.Client.GetJsonAsync($"/api/ciphers/organization-details?organizationId={org.Id}");

        Assert.Equal(3, forAdmin["data"]!.AsArray().Count);
        Assert.Equal("Visible", org.Decrypt(forMember["data"]!.AsArray().Single()!["name"]!.GetValue<string>()));
        Assert.Equal("cipherMiniDetails", forMember["data"]![0]!["object"]!.GetValue<string>());
        Assert.Empty((await admin.Client.GetJsonAsync("/api/sync?excludeDomains=true"))["ciphers"]!.AsArray());
        var stranger = await api.LoginNewUserAsync();
        await ApiClient.ReadErrorAsync(await stranger.Client.GetAsync($"/api/ciphers/organization-details?organizationId={org.Id}"), HttpStatusCode.NotFound);
        await ApiClient.ReadErrorAsync(await member.Client.PostAsync("/api/ciphers/admin",
            new { cipher = TestCollections.Item(org, "x"), collectionIds = Array.Empty<Guid>() }), HttpStatusCode.BadRequest);
        // Admins manage every item: they may delete the unassigned one through the admin route.
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.DeleteAsync($"/api/ciphers/{unassigned["id"]}/admin")).StatusCode);
    }

    [Fact]
    public async Task RevokedMember_LosesOrgItems()
    {
        var (org, member, memberId) = await OrgWithMemberAsync();
        var collection = await org.CreateCollectionAsync("Team", TestCollections.Access(memberId));
        var itemId = await org.CreateItemAsync(org.Owner, "Item", collection);
        await ApiClient.ReadOkOrEmptyAsync(await org.Owner.Client.PutAsync($"/api/organizations/{org.Id}/users/{memberId}/revoke"));

        Assert.Empty((await member.Client.GetJsonAsync("/api/sync?excludeDomains=true"))["ciphers"]!.AsArray());
        await ApiClient.ReadErrorAsync(await member.Client.GetAsync($"/api/ciphers/{itemId}"), HttpStatusCode.NotFound);
    }
}
