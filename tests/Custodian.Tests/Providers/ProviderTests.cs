using System.Net;
using Custodian.Tests.Infrastructure;

namespace Custodian.Tests.Providers;

public sealed class ProviderTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task AdminCreates_OwnerSetsUp_ProfileCarriesTheProviderKey()
    {
        var owner = await api.LoginNewUserAsync();

        var provider = await api.CreateProviderAsync(owner, "Contoso IT");

        var profile = await owner.Client.GetJsonAsync("/api/accounts/profile");
        var entry = profile["providers"]!.AsArray().Single()!;
        Assert.Equal("profileProvider", entry["object"]!.GetValue<string>());
        Assert.Equal(0, entry["type"]!.GetValue<int>());
        Assert.Equal(2, entry["providerStatus"]!.GetValue<int>());
        Assert.Equal(provider.Key.ToBytes(), Support.ClientCrypto.RsaDecrypt(entry["key"]!.GetValue<string>(), owner.Account.PrivateKeyPkcs8));
        var read = await owner.Client.GetJsonAsync($"/api/providers/{provider.Id}");
        Assert.Equal("provider", read["object"]!.GetValue<string>());
        Assert.Equal("Contoso IT", read["name"]!.GetValue<string>());
        await ApiClient.ReadErrorAsync(await owner.Client.PostAsync($"/api/providers/{provider.Id}/setup", new
        {
            name = "again", billingEmail = owner.Email, token = "x", key = owner.Account.Encrypt("k"),
        }), HttpStatusCode.BadRequest);
        var listed = await api.AdminClient().GetJsonAsync("/admin/providers");
        Assert.Contains(listed["data"]!.AsArray(), p => p!["id"]!.GetValue<string>() == provider.Id.ToString());
    }

    [Fact]
    public async Task AdminCommand_CreatesProviderAndSendsTheSetupMail()
    {
        var owner = await api.LoginNewUserAsync();

        var code = await Custodian.Server.Features.Admin.AdminCommand.RunAsync(api.Services,
            ["admin", "create-provider", "--name", "Command MSP", "--owner-email", owner.Email, "--type", "reseller"]);

        Assert.Equal(0, code);
        var created = (await api.AdminClient().GetJsonAsync("/admin/providers"))["data"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "Command MSP")!;
        Assert.Equal(1, created["type"]!.GetValue<int>());
        Assert.Equal(0, created["status"]!.GetValue<int>());
        Assert.NotEmpty(TestMembers.ReadMailToken(api, $"setup-provider?providerId={created["id"]}"));
        Assert.Equal(2, await Custodian.Server.Features.Admin.AdminCommand.RunAsync(api.Services, ["admin", "create-provider", "--name", "No owner"]));
    }

    [Fact]
    public async Task Admin_SetsSeatsAndPlan_ResendsSetup_DeletesProviderWithoutClients()
    {
        var owner = await api.LoginNewUserAsync();
        var org = await owner.CreateOrganizationAsync("Seated");
        var admin = api.AdminClient();

        var updated = await admin.PutJsonAsync($"/admin/organizations/{org.Id}", new { seats = 2, planType = 17, enabled = true });
        Assert.Equal(2, updated["seats"]!.GetValue<int>());
        Assert.Equal("Teams (Monthly)", updated["plan"]!.GetValue<string>());
        await org.InviteAsync(owner, TestAccounts.NewEmail());
        await ApiClient.ReadErrorAsync(await owner.Client.PostAsync($"/api/organizations/{org.Id}/users/invite",
            new { emails = new[] { TestAccounts.NewEmail() }, type = 2 }), HttpStatusCode.BadRequest);
        await ApiClient.ReadErrorAsync(await admin.PutAsync($"/admin/organizations/{org.Id}", new { seats = 1, enabled = true }), HttpStatusCode.BadRequest);
        Assert.Contains((await admin.GetJsonAsync("/admin/organizations"))["data"]!.AsArray(), o => o!["id"]!.GetValue<string>() == org.Id.ToString());

        var pendingOwner = await api.LoginNewUserAsync();
        var pending = await admin.PostJsonAsync("/admin/providers", new { name = "Pending MSP", type = 0, ownerEmail = pendingOwner.Email });
        var before = Directory.GetFiles(Path.Combine(api.DataDirectory, "outbox")).Length;
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/admin/providers/{pending["id"]}/resend-setup")).StatusCode);
        Assert.Equal(before + 1, Directory.GetFiles(Path.Combine(api.DataDirectory, "outbox")).Length);
        var provider = await api.CreateProviderAsync(await api.LoginNewUserAsync(), "With client");
        await provider.CreateClientAsync(provider.Owner, "Client of With client", TestAccounts.NewEmail());
        await ApiClient.ReadErrorAsync(await admin.DeleteAsync($"/admin/providers/{provider.Id}"), HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.OK, (await admin.DeleteAsync($"/admin/providers/{pending["id"]}")).StatusCode);
        await ApiClient.ReadErrorAsync(await admin.GetAsync($"/admin/providers/{pending["id"]}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Admin_WrongTokenIs401_BadInputIs400()
    {
        var client = api.CreateApiClient();
        await ApiClient.ReadErrorAsync(await client.GetAsync("/admin/providers"), HttpStatusCode.Unauthorized);
        var user = await api.LoginNewUserAsync();
        await ApiClient.ReadErrorAsync(await user.Client.GetAsync("/admin/providers"), HttpStatusCode.Unauthorized);   // a user's token is not the admin's
        await ApiClient.ReadErrorAsync(await api.AdminClient().PostAsync("/admin/providers", new { name = "", type = 0, ownerEmail = "x" }), HttpStatusCode.BadRequest);
        await ApiClient.ReadErrorAsync(await api.AdminClient().PostAsync("/admin/providers", new { name = "N", type = 9, ownerEmail = "a@example.com" }), HttpStatusCode.BadRequest);
        await ApiClient.ReadErrorAsync(await api.AdminClient().GetAsync($"/admin/providers/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ServiceUser_DecryptsClientItemsThroughTheKeyChain_AndAdministersTheClient()
    {
        var owner = await api.LoginNewUserAsync();
        var provider = await api.CreateProviderAsync(owner);
        var technician = await api.LoginNewUserAsync();
        var technicianId = await api.AddProviderUserAsync(provider, technician);
        var clientOwnerEmail = TestAccounts.NewEmail("client-owner");

        var client = await provider.CreateClientAsync(owner, "Fabrikam", clientOwnerEmail);
        var collection = await client.CreateCollectionAsync("Servers");
        var itemId = await client.CreateItemAsync(owner, "Domain admin", collection);
        await provider.AssignAsync([technicianId], client.Id);

        var profile = await technician.Client.GetJsonAsync("/api/accounts/profile");
        Assert.Equal("profileProviderOrganization", profile["providerOrganizations"]![0]!["object"]!.GetValue<string>());
        var orgKey = TestProviders.ClientOrgKeyFromProfile(technician, profile, client.Id);
        Assert.Equal(client.Key.ToBytes(), orgKey.ToBytes());
        var sync = await technician.Client.GetJsonAsync("/api/sync?excludeDomains=true");
        var item = sync["ciphers"]!.AsArray().Single(c => c!["id"]!.GetValue<string>() == itemId.ToString())!;
        Assert.Equal("org-secret", Support.ClientCrypto.DecryptEncStringUtf8(item["login"]!["password"]!.GetValue<string>(), orgKey));
        // Owner-level administration without membership: members, policies, events.
        var members = await technician.Client.GetJsonAsync($"/api/organizations/{client.Id}/users");
        Assert.Equal(clientOwnerEmail, members["data"]![0]!["email"]!.GetValue<string>());
        Assert.Equal(0, members["data"]![0]!["type"]!.GetValue<int>());
        await technician.Client.PutJsonAsync($"/api/organizations/{client.Id}/policies/1", new { enabled = true, data = new { minLength = 14 } });
        await technician.Client.PostJsonAsync($"/api/organizations/{client.Id}/groups", new { name = "Helpdesk", collections = new[] { TestCollections.Access(collection) } });
        await ApiClient.ReadOkOrEmptyAsync(await technician.Client.PostAsync($"/api/ciphers/import-organization?organizationId={client.Id}",
            new { ciphers = new[] { TestCollections.Item(client, "Imported by the MSP") } }));
        var log = await technician.Client.GetJsonAsync($"/api/organizations/{client.Id}/events");
        Assert.Contains(log["data"]!.AsArray(), e => e!["type"]!.GetValue<int>() == 1700 && e["providerId"]?.GetValue<string>() == provider.Id.ToString());
    }

    [Fact]
    public async Task ClientItemChange_MakesTheProvidersUsersResync_AndNoOtherProvidersUsers()
    {
        var owner = await api.LoginNewUserAsync();
        var provider = await api.CreateProviderAsync(owner);
        var technician = await api.LoginNewUserAsync();
        var technicianId = await api.AddProviderUserAsync(provider, technician);
        var unassigned = await api.LoginNewUserAsync();
        await api.AddProviderUserAsync(provider, unassigned);
        var otherOwner = await api.LoginNewUserAsync();
        await api.CreateProviderAsync(otherOwner);
        var client = await provider.CreateClientAsync(owner, "Contoso", TestAccounts.NewEmail("client-owner"));
        await provider.AssignAsync([technicianId], client.Id);
        var collection = await client.CreateCollectionAsync("Network");
        var technicianBefore = await technician.Client.GetRevisionDateAsync();
        var unassignedBefore = await unassigned.Client.GetRevisionDateAsync();
        var otherBefore = await otherOwner.Client.GetRevisionDateAsync();

        var itemId = await client.CreateItemAsync(owner, "Firewall", collection);

        // The assigned technician's clients see a new revision date, so they sync and find the item; those of a
        // technician who does not carry the client, and another provider's, have nothing to fetch.
        Assert.True(await technician.Client.GetRevisionDateAsync() > technicianBefore);
        Assert.Contains((await technician.Client.GetJsonAsync("/api/sync?excludeDomains=true"))["ciphers"]!.AsArray(),
            c => c!["id"]!.GetValue<string>() == itemId.ToString());
        Assert.Equal(unassignedBefore, await unassigned.Client.GetRevisionDateAsync());
        Assert.Equal(otherBefore, await otherOwner.Client.GetRevisionDateAsync());
    }

    [Fact]
    public async Task ClientOwnerJoins_SeesTheProviderNamed_AndNothingOfOtherClients()
    {
        var owner = await api.LoginNewUserAsync();
        var provider = await api.CreateProviderAsync(owner, "Adatum MSP");
        var alice = await api.LoginNewUserAsync();
        var clientA = await provider.CreateClientAsync(owner, "Client A", alice.Email);
        var clientB = await provider.CreateClientAsync(owner, "Client B", TestAccounts.NewEmail());
        var itemB = await clientB.CreateItemAsync(owner, "B secret", await clientB.CreateCollectionAsync("B"));
        var aliceId = Guid.Parse((await owner.Client.GetJsonAsync($"/api/organizations/{clientA.Id}/users"))["data"]![0]!["id"]!.GetValue<string>());

        await ApiClient.ReadOkOrEmptyAsync(await clientA.AcceptAsync(alice, aliceId, TestMembers.ReadInviteToken(api, aliceId)));
        await ApiClient.ReadOkOrEmptyAsync(await clientA.ConfirmAsync(owner, alice, aliceId));   // the provider user confirms the client's owner

        var profile = await alice.Client.GetJsonAsync("/api/accounts/profile");
        var org = profile["organizations"]!.AsArray().Single()!;
        Assert.Equal("Adatum MSP", org["providerName"]!.GetValue<string>());
        Assert.Equal(provider.Id.ToString(), org["providerId"]!.GetValue<string>());
        Assert.Empty(profile["providers"]!.AsArray());
        Assert.Empty(profile["providerOrganizations"]!.AsArray());
        await ApiClient.ReadErrorAsync(await alice.Client.GetAsync($"/api/organizations/{clientB.Id}"), HttpStatusCode.NotFound);
        await ApiClient.ReadErrorAsync(await alice.Client.GetAsync($"/api/ciphers/{itemB}"), HttpStatusCode.NotFound);
        await ApiClient.ReadErrorAsync(await alice.Client.GetAsync($"/api/providers/{provider.Id}"), HttpStatusCode.NotFound);
        await ApiClient.ReadErrorAsync(await alice.Client.GetAsync($"/api/providers/{provider.Id}/organizations"), HttpStatusCode.NotFound);
        Assert.DoesNotContain((await alice.Client.GetJsonAsync("/api/sync?excludeDomains=true"))["ciphers"]!.AsArray(),
            c => c!["id"]!.GetValue<string>() == itemB.ToString());
    }

    [Fact]
    public async Task RemovedTechnicianAndUnlinkedClient_LoseAccessAtOnce()
    {
        var owner = await api.LoginNewUserAsync();
        var provider = await api.CreateProviderAsync(owner);
        var technician = await api.LoginNewUserAsync();
        var technicianId = await api.AddProviderUserAsync(provider, technician);
        var clientOwner = await api.LoginNewUserAsync();
        var client = await provider.CreateClientAsync(owner, "Litware", clientOwner.Email);
        await provider.AssignAsync([technicianId], client.Id);
        Assert.Equal(HttpStatusCode.OK, (await technician.Client.GetAsync($"/api/organizations/{client.Id}")).StatusCode);
        await client.CreateItemAsync(owner, "Client secret", await client.CreateCollectionAsync("C"));
        Assert.Single((await technician.Client.GetJsonAsync("/api/sync?excludeDomains=true"))["ciphers"]!.AsArray());

        Assert.Equal(HttpStatusCode.OK, (await owner.Client.DeleteAsync($"/api/providers/{provider.Id}/users/{technicianId}")).StatusCode);
        await ApiClient.ReadErrorAsync(await technician.Client.GetAsync($"/api/organizations/{client.Id}"), HttpStatusCode.NotFound);
        Assert.Empty((await technician.Client.GetJsonAsync("/api/accounts/profile"))["providerOrganizations"]!.AsArray());
        Assert.Empty((await technician.Client.GetJsonAsync("/api/sync?excludeDomains=true"))["ciphers"]!.AsArray());

        var linkId = (await owner.Client.GetJsonAsync($"/api/providers/{provider.Id}/organizations"))["data"]![0]!["id"]!.GetValue<string>();
        var refused = await ApiClient.ReadErrorAsync(await owner.Client.DeleteAsync($"/api/providers/{provider.Id}/organizations/{linkId}"), HttpStatusCode.BadRequest);
        Assert.Contains("confirmed owner", refused["message"]!.GetValue<string>(), StringComparison.Ordinal);
        var ownerMemberId = Guid.Parse((await owner.Client.GetJsonAsync($"/api/organizations/{client.Id}/users"))["data"]![0]!["id"]!.GetValue<string>());
        await ApiClient.ReadOkOrEmptyAsync(await client.AcceptAsync(clientOwner, ownerMemberId, TestMembers.ReadInviteToken(api, ownerMemberId)));
        await ApiClient.ReadOkOrEmptyAsync(await client.ConfirmAsync(owner, clientOwner, ownerMemberId));
        Assert.Equal(HttpStatusCode.OK, (await owner.Client.DeleteAsync($"/api/providers/{provider.Id}/organizations/{linkId}")).StatusCode);

        await ApiClient.ReadErrorAsync(await owner.Client.GetAsync($"/api/organizations/{client.Id}"), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await clientOwner.Client.GetAsync($"/api/organizations/{client.Id}")).StatusCode);
        Assert.Null((await clientOwner.Client.GetJsonAsync("/api/accounts/profile"))["organizations"]![0]!["providerId"]);
    }

    [Fact]
    public async Task DisabledProvider_CutsClientAccess_UntilEnabledAgain()
    {
        var owner = await api.LoginNewUserAsync();
        var provider = await api.CreateProviderAsync(owner, "Flaky MSP");
        var client = await provider.CreateClientAsync(owner, "Tailspin", TestAccounts.NewEmail());

        await api.AdminClient().PutJsonAsync($"/admin/providers/{provider.Id}", new { name = "Flaky MSP", enabled = false });
        await ApiClient.ReadErrorAsync(await owner.Client.GetAsync($"/api/organizations/{client.Id}"), HttpStatusCode.NotFound);
        await api.AdminClient().PutJsonAsync($"/admin/providers/{provider.Id}", new { name = "Flaky MSP", enabled = true });
        Assert.Equal(HttpStatusCode.OK, (await owner.Client.GetAsync($"/api/organizations/{client.Id}")).StatusCode);
    }

    [Fact]
    public async Task ProviderLog_RecordsUsersClientsAndVaultAccess()
    {
        var owner = await api.LoginNewUserAsync();
        var provider = await api.CreateProviderAsync(owner);
        var technician = await api.LoginNewUserAsync();
        await api.AddProviderUserAsync(provider, technician);
        var client = await provider.CreateClientAsync(owner, "Proseware", TestAccounts.NewEmail());

        await technician.Client.GetJsonAsync($"/api/organizations/{client.Id}/collections/details");

        var log = (await owner.Client.GetJsonAsync($"/api/providers/{provider.Id}/events"))["data"]!.AsArray();
        // The client's own log entry carries the provider too, so it shows here as well (as in Bitwarden).
        // 9500: the creator is assigned to the new client.
        Assert.Equal([1603, 1800, 1801, 1900, 1903, 9500], log.Select(e => e!["type"]!.GetValue<int>()).Order());
        Assert.Equal(technician.Id.ToString(), log.Single(e => e!["type"]!.GetValue<int>() == 1903)!["actingUserId"]!.GetValue<string>());
        var orgLog = (await owner.Client.GetJsonAsync($"/api/organizations/{client.Id}/events"))["data"]!.AsArray();
        Assert.Contains(orgLog, e => e!["type"]!.GetValue<int>() == 1603 && e["providerId"]!.GetValue<string>() == provider.Id.ToString());
        Assert.DoesNotContain(orgLog, e => e!["type"]!.GetValue<int>() == 1903);
    }

    [Fact]
    public async Task LastProviderAdmin_CannotBeDemotedOrRemoved()
    {
        var owner = await api.LoginNewUserAsync();
        var provider = await api.CreateProviderAsync(owner);
        var ownerRow = (await owner.Client.GetJsonAsync($"/api/providers/{provider.Id}/users"))["data"]![0]!["id"]!.GetValue<string>();

        var demote = await ApiClient.ReadErrorAsync(await owner.Client.PutAsync($"/api/providers/{provider.Id}/users/{ownerRow}", new { type = 1 }), HttpStatusCode.BadRequest);
        Assert.Equal("Provider must have at least one confirmed ProviderAdmin.", demote["message"]!.GetValue<string>());
        await ApiClient.ReadErrorAsync(await owner.Client.DeleteAsync($"/api/providers/{provider.Id}/users", new { ids = new[] { ownerRow } }), HttpStatusCode.BadRequest);
    }

    /// <summary>Every provider route: anonymous, a stranger, the admin of another provider, and a service user where only admins may.</summary>
    [Fact]
    public async Task EveryRoute_Authorization_AndProviderIsolation()
    {
        var owner = await api.LoginNewUserAsync();
        var provider = await api.CreateProviderAsync(owner);
        var service = await api.LoginNewUserAsync();
        var serviceId = await api.AddProviderUserAsync(provider, service);
        var client = await provider.CreateClientAsync(owner, "Woodgrove", TestAccounts.NewEmail());
        var linkId = (await owner.Client.GetJsonAsync($"/api/providers/{provider.Id}/organizations"))["data"]![0]!["id"]!.GetValue<string>();
        var otherOwner = await api.LoginNewUserAsync();
        var other = await api.CreateProviderAsync(otherOwner, "Rival MSP");
        var stranger = await api.LoginNewUserAsync();
        string P(string tail = "") => $"/api/providers/{provider.Id}{tail}";
        var encrypted = owner.Account.Encrypt("x");
        // Valid bodies: a malformed one is refused (400) before anyone is asked who they are, which tells nothing.
        var newClient = new { name = "x", ownerEmail = "o@example.com", planType = 20, seats = 1, key = encrypted,
            keyPair = new { publicKey = "AAAA", encryptedPrivateKey = encrypted }, collectionName = encrypted };
        var adminOnly = new (string Method, string Url, object? Body)[]
        {
            ("PUT", P(), new { name = "N", billingEmail = "b@example.com" }), ("GET", P("/events"), null),
            ("GET", P("/users"), null), ("GET", P($"/users/{serviceId}"), null), ("POST", P("/users/invite"), new { emails = new[] { "x@example.com" }, type = 1 }),
            ("POST", P("/users/reinvite"), new { ids = new[] { serviceId } }), ("POST", P("/users/confirm"), new { keys = Array.Empty<object>() }),
            ("POST", P("/users/public-keys"), new { ids = new[] { serviceId } }), ("PUT", P($"/users/{serviceId}"), new { type = 1 }),
            ("DELETE", P("/users"), new { ids = Array.Empty<Guid>() }),
            ("POST", P("/clients/existing"), new { organizationId = Guid.NewGuid(), key = encrypted }), ("DELETE", P($"/organizations/{linkId}"), null), ("DELETE", P(), null),
        };
        var anyUser = new (string Method, string Url, object? Body)[]
        {
            ("GET", P(), null), ("GET", P("/organizations"), null), ("GET", P("/clients/addable"), null),
            ("PUT", P($"/clients/{linkId}"), new { assignedSeats = 10, name = "Woodgrove" }), ("POST", P("/clients"), newClient),
        };
        foreach (var (method, url, body) in adminOnly.Concat(anyUser))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await Send(api.CreateApiClient(), method, url, body)).StatusCode);
            foreach (var denied in new[] { stranger, otherOwner })
            {
                await ApiClient.ReadErrorAsync(await Send(denied.Client, method, url, body), HttpStatusCode.NotFound);
            }
        }
        foreach (var (method, url, body) in adminOnly)
        {
            await ApiClient.ReadErrorAsync(await Send(service.Client, method, url, body), HttpStatusCode.NotFound);
        }
        foreach (var (method, url, body) in anyUser)
        {
            Assert.Equal(HttpStatusCode.OK, (await Send(service.Client, method, url, body)).StatusCode);
        }
        // Provider Y's owner reaches neither provider X's client nor its routes with Y's own id.
        await ApiClient.ReadErrorAsync(await otherOwner.Client.GetAsync($"/api/organizations/{client.Id}"), HttpStatusCode.NotFound);
        await ApiClient.ReadErrorAsync(await otherOwner.Client.PutAsync($"/api/providers/{other.Id}/clients/{linkId}", new { assignedSeats = 1, name = "Mine" }), HttpStatusCode.NotFound);
        await ApiClient.ReadErrorAsync(await otherOwner.Client.DeleteAsync($"/api/providers/{other.Id}/users/{serviceId}"), HttpStatusCode.NotFound);
        Assert.Empty((await otherOwner.Client.GetJsonAsync($"/api/providers/{other.Id}/organizations"))["data"]!.AsArray());
    }

    static Task<HttpResponseMessage> Send(ApiClient client, string method, string url, object? body) => method switch
    {
        "GET" => client.GetAsync(url),
        "POST" => client.PostAsync(url, body),
        "PUT" => client.PutAsync(url, body),
        _ => client.DeleteAsync(url, body),
    };
}
