using System.Text.Json.Nodes;
using Custodian.Server.Features.Organizations;
using Custodian.Tests.Identity;
using Custodian.Tests.Infrastructure;
using Custodian.Tests.Support;

namespace Custodian.Tests.Providers;

/// <summary>
/// A template's default access for owners and admins reaches those who become one later: confirmed as an owner or
/// admin, or given the role; on the template's collections only, and never over access the member already has.
/// </summary>
public sealed class TemplateLeaderAccessTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    static readonly Guid Ref = Guid.Parse("0190d2a8-0000-7000-8000-0000000000aa");

    [Fact]
    public async Task OwnersAndAdminsWhoJoinLater_GetTheTemplatesAccess_OthersDoNot()
    {
        var admin = await api.LoginNewUserAsync();
        var provider = await api.CreateProviderAsync(admin);
        var client = await provider.CreateClientAsync(admin, $"Clinic {Guid.NewGuid():N}"[..20], TestAccounts.NewEmail("owner"));
        var template = await admin.Client.PostJsonAsync($"/api/providers/{provider.Id}/client-templates", new
        {
            name = "Clinic",
            body = new
            {
                collections = new[]
                {
                    new { id = Ref, name = ClientCrypto.EncryptToEncString("Patients", provider.Key),
                        ownerAccess = new { readOnly = false, hidePasswords = false, manage = true }, adminAccess = new { readOnly = true, hidePasswords = true, manage = false } },
                },
            },
        });
        await admin.Client.PostJsonAsync($"/api/providers/{provider.Id}/client-templates/{template["id"]}/apply",
            new { organizationId = client.Id, collections = new[] { new { id = Ref, name = client.Encrypt("Patients") } } });
        var collections = (await admin.Client.GetJsonAsync($"/api/organizations/{client.Id}/collections"))["data"]!.AsArray();
        var patients = collections.Single(c => client.Decrypt(c!["name"]!.GetValue<string>()) == "Patients")!["id"]!.GetValue<string>();
        var other = collections.Single(c => client.Decrypt(c!["name"]!.GetValue<string>()) != "Patients")!["id"]!.GetValue<string>();

        async Task<JsonArray> AccessOf(Guid memberId) =>
            (await admin.Client.GetJsonAsync($"/api/organizations/{client.Id}/users/{memberId}"))["collections"]!.AsArray();

        // A plain user gets nothing; made an admin, the template's admin access on its collection only.
        var user = await api.LoginNewUserAsync();
        var userMember = await api.JoinThroughInviteAsync(client, user);
        Assert.Empty(await AccessOf(userMember));
        await ApiClient.ReadOkOrEmptyAsync(await admin.Client.PutAsync($"/api/organizations/{client.Id}/users/{userMember}",
            new { type = OrganizationUserType.Admin, collections = Array.Empty<object>(), groups = Array.Empty<Guid>(), accessSecretsManager = false }));
        var granted = Assert.Single(await AccessOf(userMember))!;
        Assert.Equal(patients, granted["id"]!.GetValue<string>());
        Assert.True(granted["readOnly"]!.GetValue<bool>());
        Assert.True(granted["hidePasswords"]!.GetValue<bool>());

        // An owner confirmed later gets the owner's access; the bulk confirm route does the same.
        var owner = await api.LoginNewUserAsync();
        var ownerMember = await api.JoinThroughInviteAsync(client, owner, OrganizationUserType.Owner);
        Assert.True(Assert.Single(await AccessOf(ownerMember))!["manage"]!.GetValue<bool>());
        var second = await api.LoginNewUserAsync();
        var secondMember = await client.InviteAsync(admin, second.Email, OrganizationUserType.Admin);
        await ApiClient.ReadOkOrEmptyAsync(await client.AcceptAsync(second, secondMember, TestMembers.ReadInviteToken(api, secondMember)));
        await admin.Client.PostJsonAsync($"/api/organizations/{client.Id}/users/confirm", new
        {
            keys = new[] { new { id = secondMember, key = ClientCrypto.RsaEncrypt(client.Key.ToBytes(), second.Account.PublicKeySpki) } },
        });
        Assert.Equal(patients, Assert.Single(await AccessOf(secondMember))!["id"]!.GetValue<string>());

        // The public API's member update follows the same rule.
        var viaApi = await api.LoginNewUserAsync();
        var viaApiMember = await api.JoinThroughInviteAsync(client, viaApi);
        var orgApi = await api.OrgApiClientAsync(client);
        await orgApi.PutJsonAsync($"/api/public/members/{viaApiMember}", new { type = 1, collections = Array.Empty<object>() });
        Assert.Equal(patients, Assert.Single(await AccessOf(viaApiMember))!["id"]!.GetValue<string>());

        // Access chosen in the same request stands: an admin made owner with other access keeps just that.
        await ApiClient.ReadOkOrEmptyAsync(await admin.Client.PutAsync($"/api/organizations/{client.Id}/users/{secondMember}", new
        {
            type = OrganizationUserType.Owner, collections = new[] { TestCollections.Access(Guid.Parse(other), readOnly: true) },
            groups = Array.Empty<Guid>(), accessSecretsManager = false,
        }));
        Assert.Equal(other, Assert.Single(await AccessOf(secondMember))!["id"]!.GetValue<string>());
    }
}
