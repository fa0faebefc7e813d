using System.Net;
using Custodian.Tests.Identity;
using Custodian.Tests.Infrastructure;
using Custodian.Tests.Support;

namespace Custodian.Tests.Providers;

public sealed class ProviderClientTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task AddExistingOrg_OnlyByItsOwner_AndOnlyToOneProvider()
    {
        var owner = await api.LoginNewUserAsync();
        var provider = await api.CreateProviderAsync(owner);
        var org = await owner.CreateOrganizationAsync("Own company");
        var addable = await ApiClient.ReadArrayAsync(await owner.Client.GetAsync($"/api/providers/{provider.Id}/clients/addable"));
        Assert.Contains(addable, o => o!["id"]!.GetValue<string>() == org.Id.ToString());
        var wrapped = ClientCrypto.EncryptToEncString(org.Key.ToBytes(), provider.Key);

        await ApiClient.ReadOkOrEmptyAsync(await owner.Client.PostAsync($"/api/providers/{provider.Id}/clients/existing", new { organizationId = org.Id, key = wrapped }));

        var clients = await owner.Client.GetJsonAsync($"/api/providers/{provider.Id}/organizations");
        Assert.Equal("Own company", clients["data"]!.AsArray().Single()!["organizationName"]!.GetValue<string>());
        var other = await api.CreateProviderAsync(owner, "Second MSP");
        await ApiClient.ReadErrorAsync(await owner.Client.PostAsync($"/api/providers/{other.Id}/organizations/add", new { organizationId = org.Id, key = wrapped }),
            HttpStatusCode.BadRequest);
        var stranger = await api.LoginNewUserAsync();
        var strangersOrg = await stranger.CreateOrganizationAsync("Not yours");
        await ApiClient.ReadErrorAsync(await owner.Client.PostAsync($"/api/providers/{provider.Id}/clients/existing", new { organizationId = strangersOrg.Id, key = wrapped }),
            HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DeleteClient_OnlyByProviderAdmin_NotServiceUser_AndLoggedForTheProvider()
    {
        var owner = await api.LoginNewUserAsync();
        var provider = await api.CreateProviderAsync(owner);
        var technician = await api.LoginNewUserAsync();
        await api.AddProviderUserAsync(provider, technician, type: 1);
        var client = await provider.CreateClientAsync(technician, "Doomed Ltd", TestAccounts.NewEmail());
        var linkId = (await owner.Client.GetJsonAsync($"/api/providers/{provider.Id}/organizations"))["data"]![0]!["id"]!.GetValue<string>();
        var verify = new { masterPasswordHash = technician.Account.MasterPasswordHash };

        await ApiClient.ReadErrorAsync(await technician.Client.DeleteAsync($"/api/organizations/{client.Id}", verify), HttpStatusCode.NotFound);
        await ApiClient.ReadErrorAsync(await technician.Client.PostAsync($"/api/organizations/{client.Id}/delete", verify), HttpStatusCode.NotFound);
        await ApiClient.ReadErrorAsync(await technician.Client.DeleteAsync($"/api/providers/{provider.Id}/organizations/{linkId}"), HttpStatusCode.NotFound);
        await ApiClient.ReadErrorAsync(await technician.Client.PostAsync($"/api/providers/{provider.Id}/organizations/{linkId}/delete"), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await technician.Client.GetAsync($"/api/organizations/{client.Id}")).StatusCode);

        await ApiClient.ReadOkOrEmptyAsync(await owner.Client.PostAsync($"/api/organizations/{client.Id}/delete",
            new { masterPasswordHash = owner.Account.MasterPasswordHash }));

        await ApiClient.ReadErrorAsync(await owner.Client.GetAsync($"/api/organizations/{client.Id}"), HttpStatusCode.NotFound);
        var log = (await owner.Client.GetJsonAsync($"/api/providers/{provider.Id}/events"))["data"]!.AsArray();
        var deleted = Assert.Single(log, e => e!["type"]!.GetValue<int>() == 1690)!;
        Assert.Equal(client.Id.ToString(), deleted["organizationId"]!.GetValue<string>());
        Assert.Equal(owner.Id.ToString(), deleted["actingUserId"]!.GetValue<string>());
    }

    [Fact]
    public async Task ClientList_SearchSortPages_AndSeatsAndName()
    {
        var owner = await api.LoginNewUserAsync();
        var provider = await api.CreateProviderAsync(owner);
        foreach (var name in new[] { "Charlie Ltd", "Alpha Inc", "Bravo GmbH" })
        {
            await provider.CreateClientAsync(owner, name, TestAccounts.NewEmail());
        }
        string Url(string query) => $"/api/providers/{provider.Id}/organizations?{query}";

        var first = await owner.Client.GetJsonAsync(Url("pageSize=2"));
        var second = await owner.Client.GetJsonAsync(Url($"pageSize=2&continuationToken={Uri.EscapeDataString(first["continuationToken"]!.GetValue<string>())}"));
        var descending = await owner.Client.GetJsonAsync(Url("sort=-name"));
        var found = await owner.Client.GetJsonAsync(Url("search=bra"));

        Assert.Equal(["Alpha Inc", "Bravo GmbH"], first["data"]!.AsArray().Select(c => c!["organizationName"]!.GetValue<string>()));
        Assert.Equal("Charlie Ltd", second["data"]!.AsArray().Single()!["organizationName"]!.GetValue<string>());
        Assert.Null(second["continuationToken"]);
        Assert.Equal("Charlie Ltd", descending["data"]![0]!["organizationName"]!.GetValue<string>());
        var bravo = found["data"]!.AsArray().Single()!;
        Assert.Equal(10, bravo["seats"]!.GetValue<int>());
        Assert.Equal(1, bravo["occupiedSeats"]!.GetValue<int>());   // the invited owner
        Assert.Equal("Enterprise (Annually)", bravo["plan"]!.GetValue<string>());

        await ApiClient.ReadOkOrEmptyAsync(await owner.Client.PutAsync($"/api/providers/{provider.Id}/clients/{bravo["id"]}", new { assignedSeats = 25, name = "Bravo AG" }));
        var renamed = (await owner.Client.GetJsonAsync(Url("search=bravo")))["data"]!.AsArray().Single()!;
        Assert.Equal("Bravo AG", renamed["organizationName"]!.GetValue<string>());
        Assert.Equal(25, renamed["seats"]!.GetValue<int>());
        await ApiClient.ReadErrorAsync(await owner.Client.PutAsync($"/api/providers/{provider.Id}/clients/{bravo["id"]}", new { assignedSeats = -1, name = "x" }),
            HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ClientList_ContinuationToken_PagesByNameAndIdLikePageNumbers()
    {
        var owner = await api.LoginNewUserAsync();
        var provider = await api.CreateProviderAsync(owner);
        // Two clients share a name: the token must tell them apart by id, or a page would repeat or skip one.
        foreach (var name in new[] { "Delta", "Alpha", "Bravo", "Bravo 2", "Charlie" })
        {
            await provider.CreateClientAsync(owner, name, TestAccounts.NewEmail());
        }
        string Url(string query) => $"/api/providers/{provider.Id}/organizations?{query}";
        var second = (await owner.Client.GetJsonAsync(Url("search=bravo 2")))["data"]![0]!["id"]!.GetValue<string>();
        await ApiClient.ReadOkOrEmptyAsync(await owner.Client.PutAsync($"/api/providers/{provider.Id}/clients/{second}", new { assignedSeats = 10, name = "Bravo" }));
        async Task<List<(string Name, string Id)>> AllPagesAsync(string sort)
        {
            var rows = new List<(string, string)>();
            string? token = null;
            do
            {
                var page = await owner.Client.GetJsonAsync(Url($"sort={sort}&pageSize=2" + (token is null ? "" : $"&continuationToken={Uri.EscapeDataString(token)}")));
                rows.AddRange(page["data"]!.AsArray().Select(c => (c!["organizationName"]!.GetValue<string>(), c["organizationId"]!.GetValue<string>())));
                token = page["continuationToken"]?.GetValue<string>();
            }
            while (token is not null);
            return rows;
        }

        var byName = await AllPagesAsync("name");
        var byNameDescending = await AllPagesAsync("-name");
        var byCreated = await AllPagesAsync("created");
        var whole = (await owner.Client.GetJsonAsync(Url("sort=name")))["data"]!.AsArray()
            .Select(c => (c!["organizationName"]!.GetValue<string>(), c["organizationId"]!.GetValue<string>())).ToList();
        var pageThree = await owner.Client.GetJsonAsync(Url("sort=name&pageSize=2&page=3"));

        Assert.Equal(["Alpha", "Bravo", "Bravo", "Charlie", "Delta"], byName.Select(r => r.Name));
        Assert.Equal(whole, byName);
        Assert.Equal(Enumerable.Reverse(whole), byNameDescending);
        Assert.Equal(5, byCreated.Select(r => r.Id).Distinct().Count());
        Assert.Equal("Delta", pageThree["data"]!.AsArray().Single()!["organizationName"]!.GetValue<string>());
        Assert.Null(pageThree["continuationToken"]);
    }

    [Fact]
    public async Task ClientList_BadOrForeignContinuationToken_Returns400_AndAuthorizationComesFirst()
    {
        var owner = await api.LoginNewUserAsync();
        var provider = await api.CreateProviderAsync(owner);
        foreach (var name in new[] { "One", "Two" })
        {
            await provider.CreateClientAsync(owner, name, TestAccounts.NewEmail());
        }
        string Url(string query) => $"/api/providers/{provider.Id}/organizations?{query}";
        var token = (await owner.Client.GetJsonAsync(Url("pageSize=1")))["continuationToken"]!.GetValue<string>();
        var createdToken = (await owner.Client.GetJsonAsync(Url("sort=created&pageSize=1")))["continuationToken"]!.GetValue<string>();

        foreach (var bad in new[] { "not-a-token!", "AAAA", Convert.ToBase64String("{\"sort\":\"name\"}"u8.ToArray()), createdToken })
        {
            var error = await ApiClient.ReadErrorAsync(await owner.Client.GetAsync(Url($"sort=name&continuationToken={Uri.EscapeDataString(bad)}")),
                HttpStatusCode.BadRequest);
            Assert.NotNull(error["validationErrors"]!["continuationToken"]);
        }
        await ApiClient.ReadErrorAsync(await owner.Client.GetAsync(Url($"sort=-name&continuationToken={Uri.EscapeDataString(token)}")), HttpStatusCode.BadRequest);
        var stranger = await api.LoginNewUserAsync();
        await ApiClient.ReadErrorAsync(await stranger.Client.GetAsync(Url($"continuationToken={Uri.EscapeDataString(token)}")), HttpStatusCode.NotFound);
        await ApiClient.ReadErrorAsync(await stranger.Client.GetAsync(Url("continuationToken=garbage")), HttpStatusCode.NotFound);
        var strangersProvider = await api.CreateProviderAsync(stranger, "Other MSP");
        var foreign = await stranger.Client.GetJsonAsync($"/api/providers/{strangersProvider.Id}/organizations?continuationToken={Uri.EscapeDataString(token)}");
        Assert.Empty(foreign["data"]!.AsArray());
    }

    [Fact]
    public async Task ProviderUsers_PublicKeysBulkConfirm_AndProviderUpdate()
    {
        var owner = await api.LoginNewUserAsync();
        var provider = await api.CreateProviderAsync(owner);
        var a = await api.LoginNewUserAsync();
        var b = await api.LoginNewUserAsync();
        await ApiClient.ReadOkOrEmptyAsync(await owner.Client.PostAsync($"/api/providers/{provider.Id}/users/invite", new { emails = new[] { a.Email, b.Email, a.Email }, type = 0 }));
        var users = (await owner.Client.GetJsonAsync($"/api/providers/{provider.Id}/users"))["data"]!.AsArray();
        var ids = new Dictionary<TestUser, string>
        {
            [a] = users.Single(u => u!["email"]!.GetValue<string>() == a.Email)!["id"]!.GetValue<string>(),
            [b] = users.Single(u => u!["email"]!.GetValue<string>() == b.Email)!["id"]!.GetValue<string>(),
        };
        foreach (var (user, id) in ids)
        {
            await ApiClient.ReadOkOrEmptyAsync(await user.Client.PostAsync($"/api/providers/{provider.Id}/users/{id}/accept",
                new { token = TestMembers.ReadMailToken(api, $"providerUserId={id}") }));
        }

        var keys = (await owner.Client.PostJsonAsync($"/api/providers/{provider.Id}/users/public-keys", new { ids = ids.Values }))["data"]!.AsArray();
        var confirm = keys.Select(k => new
        {
            id = k!["id"]!.GetValue<string>(),
            key = ClientCrypto.RsaEncrypt(provider.Key.ToBytes(), Convert.FromBase64String(k["key"]!.GetValue<string>())),
        }).Append(new { id = Guid.NewGuid().ToString(), key = ClientCrypto.RsaEncrypt(provider.Key.ToBytes(), a.Account.PublicKeySpki) }).ToArray();
        var results = (await owner.Client.PostJsonAsync($"/api/providers/{provider.Id}/users/confirm", new { keys = confirm }))["data"]!.AsArray();

        Assert.Equal(2, keys.Count);
        Assert.Equal(2, results.Count(r => r!["error"]!.GetValue<string>() == ""));
        Assert.Equal("Invalid user.", results.Single(r => r!["error"]!.GetValue<string>() != "")!["error"]!.GetValue<string>());
        Assert.Equal(provider.Key.ToBytes(), ClientCrypto.RsaDecrypt((await b.Client.GetJsonAsync("/api/accounts/profile"))["providers"]![0]!["key"]!.GetValue<string>(), b.Account.PrivateKeyPkcs8));
        var updated = await a.Client.PutJsonAsync($"/api/providers/{provider.Id}", new { name = "Renamed MSP", businessName = "Renamed Ltd", billingEmail = "Billing@Example.com" });
        Assert.Equal("Renamed MSP", updated["name"]!.GetValue<string>());
        Assert.Equal("billing@example.com", updated["billingEmail"]!.GetValue<string>());
    }
}

public sealed class ProviderSignupsDisabledTests(SignupsDisabledFactory api) : IClassFixture<SignupsDisabledFactory>
{
    [Fact]
    public async Task ProviderOwnerAndTechnician_RegisterFromTheirInvitations_WhileSignupsAreOff()
    {
        var ownerAccount = ClientAccount.CreateFast(TestAccounts.NewEmail("msp-owner"), TestAccounts.DefaultPassword);
        var created = await api.AdminClient().PostJsonAsync("/admin/providers", new { name = "Fresh MSP", type = 0, ownerEmail = ownerAccount.Email });
        var ownerRow = TestMembers.ReadMailToken(api, $"setup-provider?providerId={created["id"]}");
        var mail = Directory.GetFiles(Path.Combine(api.DataDirectory, "outbox")).Select(f => MimeKit.MimeMessage.Load(f).TextBody ?? "")
            .Single(t => t.Contains($"providerId={created["id"]}", StringComparison.Ordinal));
        var providerUserId = mail[(mail.IndexOf("providerUserId=", StringComparison.Ordinal) + "providerUserId=".Length)..].Split('&')[0];
        var body = RegistrationTests.FinishBody(ownerAccount, token: null!);
        body.Remove("emailVerificationToken");
        body["providerInviteToken"] = ownerRow;
        body["providerUserId"] = providerUserId;

        await ApiClient.ReadOkAsync(await api.CreateApiClient().PostAsync("/identity/accounts/register/finish", body));

        var owner = await api.LoginAsync(ownerAccount);
        var key = SymmetricKey.Random();
        await owner.Client.PostJsonAsync($"/api/providers/{created["id"]}/setup", new
        {
            name = "Fresh MSP", billingEmail = owner.Email, token = ownerRow, key = ClientCrypto.RsaEncrypt(key.ToBytes(), owner.Account.PublicKeySpki),
        });
        Assert.Single((await owner.Client.GetJsonAsync("/api/accounts/profile"))["providers"]!.AsArray());
        body["providerInviteToken"] = ownerRow;   // used: the owner row is now linked to an account
        await ApiClient.ReadErrorAsync(await api.CreateApiClient().PostAsync("/identity/accounts/register/finish", body), HttpStatusCode.BadRequest);
    }
}
