using System.Net;
using System.Text.Json.Nodes;
using Custodian.Tests.Identity;
using Custodian.Tests.Infrastructure;
using Custodian.Tests.Support;

namespace Custodian.Tests.Providers;

/// <summary>Issue 21: client tags, client templates and drift, bulk jobs, and confirming members across clients.</summary>
public sealed class ClientBulkTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    sealed record World(TestProvider Provider, TestUser Admin, TestUser Technician, TestOrganization[] Clients);

    async Task<World> ProviderWithClientsAsync(int clients)
    {
        var admin = await api.LoginNewUserAsync();
        var provider = await api.CreateProviderAsync(admin);
        var technician = await api.LoginNewUserAsync();
        await api.AddProviderUserAsync(provider, technician, type: 1);
        var orgs = new List<TestOrganization>();
        for (var i = 0; i < clients; i++)
        {
            orgs.Add(await provider.CreateClientAsync(admin, $"Client {i:D2} {Guid.NewGuid():N}"[..20], TestAccounts.NewEmail("owner")));
        }
        return new(provider, admin, technician, [.. orgs]);
    }

    static string P(World w) => $"/api/providers/{w.Provider.Id}";

    [Fact]
    public async Task Tags_FilterTheClientList_AndOnlyProviderAdminsChangeThem()
    {
        var w = await ProviderWithClientsAsync(3);
        var tag = await w.Admin.Client.PostJsonAsync($"{P(w)}/client-tags", new { name = " healthcare " });
        var tagId = tag["id"]!.GetValue<string>();
        Assert.Equal("healthcare", tag["name"]!.GetValue<string>());
        await ApiClient.ReadErrorAsync(await w.Admin.Client.PostAsync($"{P(w)}/client-tags", new { name = "healthcare" }), HttpStatusCode.BadRequest);
        await ApiClient.ReadOkOrEmptyAsync(await w.Admin.Client.PostAsync($"{P(w)}/client-tags/{tagId}/clients",
            new { organizationIds = new[] { w.Clients[0].Id, w.Clients[2].Id } }));

        var tagged = await w.Technician.Client.GetJsonAsync($"{P(w)}/organizations?tag={tagId}");
        Assert.Equal([w.Clients[0].Id.ToString(), w.Clients[2].Id.ToString()],
            tagged["data"]!.AsArray().Select(c => c!["organizationId"]!.GetValue<string>()).Order());
        var of = await w.Technician.Client.PostJsonAsync($"{P(w)}/client-tags/of", new { organizationIds = w.Clients.Select(c => c.Id) });
        Assert.Equal(2, of["data"]!.AsArray().Count);
        Assert.Equal(2, (await w.Technician.Client.GetJsonAsync($"{P(w)}/client-tags"))["data"]![0]!["clientCount"]!.GetValue<int>());

        await ApiClient.ReadErrorAsync(await w.Technician.Client.PostAsync($"{P(w)}/client-tags", new { name = "tier 1" }), HttpStatusCode.NotFound);
        await ApiClient.ReadErrorAsync(await w.Technician.Client.PostAsync($"{P(w)}/client-tags/{tagId}/clients/remove",
            new { organizationIds = new[] { w.Clients[0].Id } }), HttpStatusCode.NotFound);
        var other = await ProviderWithClientsAsync(0);
        await ApiClient.ReadErrorAsync(await other.Admin.Client.GetAsync($"{P(w)}/client-tags"), HttpStatusCode.NotFound);
        await ApiClient.ReadErrorAsync(await other.Admin.Client.DeleteAsync($"/api/providers/{other.Provider.Id}/client-tags/{tagId}"), HttpStatusCode.NotFound);

        await ApiClient.ReadOkOrEmptyAsync(await w.Admin.Client.PostAsync($"{P(w)}/client-tags/{tagId}/clients/remove", new { organizationIds = new[] { w.Clients[0].Id } }));
        Assert.Single((await w.Admin.Client.GetJsonAsync($"{P(w)}/organizations?tag={tagId}"))["data"]!.AsArray());
    }

    static object Template(TestProvider provider, bool withPolicy = true) => new
    {
        name = "Clinic",
        body = new
        {
            collections = new[]
            {
                new { id = Guid.Parse("0190d2a8-0000-7000-8000-000000000001"), name = ClientCrypto.EncryptToEncString("Patients", provider.Key),
                    ownerAccess = new { readOnly = false, hidePasswords = false, manage = true }, adminAccess = (object?)null },
            },
            groups = new[] { new { name = "Front desk", collections = new[] { new { id = Guid.Parse("0190d2a8-0000-7000-8000-000000000001"), readOnly = true, hidePasswords = false, manage = false } } } },
            policies = withPolicy ? new object[] { new { type = 1, enabled = true, data = new { minLength = 14 } } } : [],
            collectionManagement = new { limitCollectionCreation = true, limitCollectionDeletion = true, limitItemDeletion = false, allowAdminAccessToAllCollectionItems = true },
        },
    };

    [Fact]
    public async Task Template_AppliedToAClient_ClearsItsDrift_WithEventsInBothLogs()
    {
        var w = await ProviderWithClientsAsync(1);
        var client = w.Clients[0];
        var template = await w.Admin.Client.PostJsonAsync($"{P(w)}/client-templates", Template(w.Provider));
        var id = template["id"]!.GetValue<string>();
        var collectionRef = template["body"]!["collections"]![0]!["id"]!.GetValue<string>();

        var drift = await w.Technician.Client.GetJsonAsync($"{P(w)}/client-templates/{id}/drift/{client.Id}");
        Assert.False(drift["follows"]!.GetValue<bool>());
        Assert.Equal("Front desk", drift["missingGroups"]![0]!.GetValue<string>());
        Assert.Equal(1, drift["policies"]![0]!["type"]!.GetValue<int>());
        Assert.True(drift["collectionManagementDiffers"]!.GetValue<bool>());
        // The browser reads the client's collection names under the org key it reaches through the provider key.
        var orgKey = SymmetricKey.FromBytes(ClientCrypto.DecryptEncString(drift["key"]!.GetValue<string>(), w.Provider.Key));
        Assert.Equal(["Default collection"], drift["collections"]!.AsArray().Select(c => ClientCrypto.DecryptEncStringUtf8(c!["name"]!.GetValue<string>(), orgKey)));

        await ApiClient.ReadErrorAsync(await w.Technician.Client.PostAsync($"{P(w)}/client-templates/{id}/apply", new { organizationId = client.Id }), HttpStatusCode.NotFound);
        await ApiClient.ReadErrorAsync(await w.Admin.Client.PostAsync($"{P(w)}/client-templates/{id}/apply",
            new { organizationId = client.Id, collections = new[] { new { id = Guid.NewGuid(), name = client.Encrypt("Stray") } } }), HttpStatusCode.BadRequest);
        var after = await w.Admin.Client.PostJsonAsync($"{P(w)}/client-templates/{id}/apply",
            new { organizationId = client.Id, collections = new[] { new { id = collectionRef, name = client.Encrypt("Patients") } } });

        Assert.True(after["follows"]!.GetValue<bool>());
        Assert.Empty(after["missingGroups"]!.AsArray());
        Assert.Empty(after["policies"]!.AsArray());
        Assert.False(after["collectionManagementDiffers"]!.GetValue<bool>());
        Assert.Contains("Patients", after["collections"]!.AsArray().Select(c => client.Decrypt(c!["name"]!.GetValue<string>())));
        var groups = await w.Admin.Client.GetJsonAsync($"/api/organizations/{client.Id}/groups");
        Assert.Equal("Front desk", groups["data"]![0]!["name"]!.GetValue<string>());
        var providerLog = (await w.Admin.Client.GetJsonAsync($"{P(w)}/events"))["data"]!.AsArray().Select(e => e!["type"]!.GetValue<int>()).ToList();
        var clientLog = (await w.Admin.Client.GetJsonAsync($"/api/organizations/{client.Id}/events"))["data"]!.AsArray().Select(e => e!["type"]!.GetValue<int>()).ToList();
        foreach (var type in new[] { 1300, 1400, 1700, 1609 })
        {
            Assert.Contains(type, providerLog);
            Assert.Contains(type, clientLog);
        }
        Assert.Equal(1, (await w.Admin.Client.GetJsonAsync($"{P(w)}/client-templates/{id}"))["clientCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Template_BadBodies_Are400s_AndNothingIsWritten()
    {
        var w = await ProviderWithClientsAsync(0);
        var plain = new { name = "Bad", body = new { collections = new[] { new { id = Guid.NewGuid(), name = "Patients in clear" } } } };
        var error = await ApiClient.ReadErrorAsync(await w.Admin.Client.PostAsync($"{P(w)}/client-templates", plain), HttpStatusCode.BadRequest);
        Assert.Equal("error", error["object"]!.GetValue<string>());
        var strayGroup = new { name = "Bad", body = new { groups = new[] { new { name = "G", collections = new[] { new { id = Guid.NewGuid(), readOnly = true, hidePasswords = false, manage = false } } } } } };
        await ApiClient.ReadErrorAsync(await w.Admin.Client.PostAsync($"{P(w)}/client-templates", strayGroup), HttpStatusCode.BadRequest);
        var badPolicy = new { name = "Bad", body = new { policies = new[] { new { type = 1, enabled = true, data = new { minLength = "long" } } } } };
        await ApiClient.ReadErrorAsync(await w.Admin.Client.PostAsync($"{P(w)}/client-templates", badPolicy), HttpStatusCode.BadRequest);
        Assert.Empty((await w.Admin.Client.GetJsonAsync($"{P(w)}/client-templates"))["data"]!.AsArray());
    }

    [Fact]
    public async Task BulkPolicy_RunsInBatches_RecordsPerClientResults_AndRetriesOnlyTheFailed()
    {
        var w = await ProviderWithClientsAsync(4);
        var tag = (await w.Admin.Client.PostJsonAsync($"{P(w)}/client-tags", new { name = "tier 1" }))["id"]!.GetValue<string>();
        await ApiClient.ReadOkOrEmptyAsync(await w.Admin.Client.PostAsync($"{P(w)}/client-tags/{tag}/clients", new { organizationIds = w.Clients.Select(c => c.Id) }));
        var job = await w.Admin.Client.PostJsonAsync($"{P(w)}/bulk-jobs",
            new { kind = 0, selection = new { tagId = tag }, parameters = new { policy = new { type = 1, enabled = true, data = new { minLength = 16 } } } });
        var jobId = job["id"]!.GetValue<string>();
        Assert.Equal(4, job["pending"]!.GetValue<int>());
        await ApiClient.ReadErrorAsync(await w.Technician.Client.PostAsync($"{P(w)}/bulk-jobs/{jobId}/run", new { count = 2 }), HttpStatusCode.NotFound);
        await ApiClient.ReadErrorAsync(await w.Admin.Client.PostAsync($"{P(w)}/bulk-jobs/{jobId}/claim", new { count = 2 }), HttpStatusCode.BadRequest);

        var first = await w.Admin.Client.PostJsonAsync($"{P(w)}/bulk-jobs/{jobId}/run", new { count = 2 });
        Assert.Equal((2, 2), (first["pending"]!.GetValue<int>(), first["succeeded"]!.GetValue<int>()));
        // The org the next batch reaches is disabled by the system administrator meanwhile: that one client fails.
        var next = (await w.Admin.Client.GetJsonAsync($"{P(w)}/bulk-jobs/{jobId}/items?status=0"))["data"]![0]!["organizationId"]!.GetValue<string>();
        await ApiClient.ReadOkOrEmptyAsync(await api.AdminClient().PutAsync($"/admin/organizations/{next}", new { seats = (int?)null, planType = (int?)null, enabled = false }));
        var done = await w.Admin.Client.PostJsonAsync($"{P(w)}/bulk-jobs/{jobId}/run", new { count = 10 });
        Assert.True(done["done"]!.GetValue<bool>());
        Assert.Equal((3, 1), (done["succeeded"]!.GetValue<int>(), done["failed"]!.GetValue<int>()));
        var failed = (await w.Technician.Client.GetJsonAsync($"{P(w)}/bulk-jobs/{jobId}/items?status=3"))["data"]!.AsArray().Single()!;
        Assert.Equal(next, failed["organizationId"]!.GetValue<string>());
        Assert.Equal("Client not found.", failed["error"]!.GetValue<string>());

        var policy = await w.Admin.Client.GetJsonAsync($"/api/organizations/{w.Clients.First(c => c.Id.ToString() != next).Id}/policies/1");
        Assert.Equal(16, policy["data"]!["minLength"]!.GetValue<int>());
        var providerLog = (await w.Admin.Client.GetJsonAsync($"{P(w)}/events"))["data"]!.AsArray();
        Assert.Equal(3, providerLog.Count(e => e!["type"]!.GetValue<int>() == 1700 && e["actingUserId"]!.GetValue<string>() == w.Admin.Id.ToString()));

        await ApiClient.ReadOkOrEmptyAsync(await api.AdminClient().PutAsync($"/admin/organizations/{next}", new { seats = (int?)null, planType = (int?)null, enabled = true }));
        var retried = await w.Admin.Client.PostJsonAsync($"{P(w)}/bulk-jobs/{jobId}/retry", new { });
        Assert.Equal((1, 3), (retried["pending"]!.GetValue<int>(), retried["succeeded"]!.GetValue<int>()));
        var final = await w.Admin.Client.PostJsonAsync($"{P(w)}/bulk-jobs/{jobId}/run", new { count = 10 });
        Assert.Equal(4, final["succeeded"]!.GetValue<int>());
    }

    [Fact]
    public async Task BulkSeatsAndDisable_RunOnTheServer_AndTooFewSeatsFailsThatClientOnly()
    {
        var w = await ProviderWithClientsAsync(2);
        var seats = await w.Admin.Client.PostJsonAsync($"{P(w)}/bulk-jobs", new { kind = 1, selection = new { all = true }, parameters = new { seats = 25 } });
        var ran = await w.Admin.Client.PostJsonAsync($"{P(w)}/bulk-jobs/{seats["id"]}/run", new { count = 10 });
        Assert.Equal(2, ran["succeeded"]!.GetValue<int>());
        var list = await w.Admin.Client.GetJsonAsync($"{P(w)}/organizations");
        Assert.All(list["data"]!.AsArray(), c => Assert.Equal(25, c!["seats"]!.GetValue<int>()));

        var off = await w.Admin.Client.PostJsonAsync($"{P(w)}/bulk-jobs", new { kind = 2, selection = new { search = "client" }, parameters = new { enabled = false } });
        await w.Admin.Client.PostJsonAsync($"{P(w)}/bulk-jobs/{off["id"]}/run", new { count = 10 });
        Assert.All((await w.Admin.Client.GetJsonAsync($"{P(w)}/organizations"))["data"]!.AsArray(), c => Assert.False(c!["enabled"]!.GetValue<bool>()));
        var on = await w.Admin.Client.PostJsonAsync($"{P(w)}/bulk-jobs", new { kind = 2, selection = new { all = true }, parameters = new { enabled = true } });
        Assert.Equal(2, (await w.Admin.Client.PostJsonAsync($"{P(w)}/bulk-jobs/{on["id"]}/run", new { count = 10 }))["succeeded"]!.GetValue<int>());
        var updates = (await w.Admin.Client.GetJsonAsync($"/api/organizations/{w.Clients[0].Id}/events"))["data"]!.AsArray();
        Assert.Equal(3, updates.Count(e => e!["type"]!.GetValue<int>() == 1600));

        await ApiClient.ReadErrorAsync(await w.Admin.Client.PostAsync($"{P(w)}/bulk-jobs", new { kind = 1, selection = new { }, parameters = new { seats = 5 } }), HttpStatusCode.BadRequest);
        await ApiClient.ReadErrorAsync(await w.Admin.Client.PostAsync($"{P(w)}/bulk-jobs", new { kind = 0, selection = new { all = true }, parameters = new { seats = 5 } }), HttpStatusCode.BadRequest);
        var jobs = (await w.Admin.Client.GetJsonAsync($"{P(w)}/bulk-jobs"))["data"]!.AsArray();
        Assert.Equal(3, jobs.Count);
    }

    [Fact]
    public async Task BrowserJob_ClaimsAreExclusive_AndOnlyTheClaimantRecordsResults()
    {
        var w = await ProviderWithClientsAsync(3);
        var name = ClientCrypto.EncryptToEncString("Onboarding", w.Provider.Key);
        var job = await w.Admin.Client.PostJsonAsync($"{P(w)}/bulk-jobs", new { kind = 11, selection = new { all = true }, parameters = new { collectionName = name } });
        var jobId = job["id"]!.GetValue<string>();
        await ApiClient.ReadErrorAsync(await w.Admin.Client.PostAsync($"{P(w)}/bulk-jobs/{jobId}/run", new { count = 2 }), HttpStatusCode.BadRequest);

        var a = await w.Admin.Client.PostJsonAsync($"{P(w)}/bulk-jobs/{jobId}/claim", new { count = 2 });
        var b = await w.Admin.Client.PostJsonAsync($"{P(w)}/bulk-jobs/{jobId}/claim", new { count = 2 });
        var aIds = a["clients"]!.AsArray().Select(c => c!["organizationId"]!.GetValue<string>()).ToList();
        var bIds = b["clients"]!.AsArray().Select(c => c!["organizationId"]!.GetValue<string>()).ToList();
        Assert.Equal(2, aIds.Count);
        Assert.Single(bIds);
        Assert.Empty(aIds.Intersect(bIds));
        // The browser reaches each org key through the provider key, re-encrypts the name, and adds the collection.
        foreach (var client in a["clients"]!.AsArray())
        {
            var orgKey = SymmetricKey.FromBytes(ClientCrypto.DecryptEncString(client!["key"]!.GetValue<string>(), w.Provider.Key));
            var plain = ClientCrypto.DecryptEncStringUtf8(name, w.Provider.Key);
            await w.Admin.Client.PostJsonAsync($"/api/organizations/{client["organizationId"]}/collections", new { name = ClientCrypto.EncryptToEncString(plain, orgKey) });
        }
        // B's token cannot write A's results.
        var wrong = await w.Admin.Client.PostJsonAsync($"{P(w)}/bulk-jobs/{jobId}/results",
            new { claimToken = b["claimToken"], results = aIds.Select(id => new { organizationId = id, error = (string?)null }) });
        Assert.Equal(0, wrong["succeeded"]!.GetValue<int>());
        await w.Admin.Client.PostJsonAsync($"{P(w)}/bulk-jobs/{jobId}/results",
            new { claimToken = a["claimToken"], results = aIds.Select(id => new { organizationId = id, error = (string?)null }) });
        var progress = await w.Admin.Client.PostJsonAsync($"{P(w)}/bulk-jobs/{jobId}/results",
            new { claimToken = b["claimToken"], results = bIds.Select(id => new { organizationId = id, error = "Your vault is locked." }) });
        Assert.Equal((2, 1, true), (progress["succeeded"]!.GetValue<int>(), progress["failed"]!.GetValue<int>(), progress["done"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task PendingConfirmations_ListAcceptedMembersOfEveryClient_AndTheClientOwnerCannotReachProviderRoutes()
    {
        var w = await ProviderWithClientsAsync(0);
        var owner = await api.LoginNewUserAsync();
        var client = await w.Provider.CreateClientAsync(w.Admin, "Acme Dental", owner.Email);
        var members = await w.Admin.Client.GetJsonAsync($"/api/organizations/{client.Id}/users");
        var memberId = Guid.Parse(members["data"]![0]!["id"]!.GetValue<string>());
        await ApiClient.ReadOkOrEmptyAsync(await client.AcceptAsync(owner, memberId, TestMembers.ReadInviteToken(api, memberId)));

        var pending = (await w.Technician.Client.GetJsonAsync($"{P(w)}/pending-confirmations?pageSize=10"))["data"]!.AsArray().Single()!;
        Assert.Equal(memberId.ToString(), pending["id"]!.GetValue<string>());
        Assert.Equal(Convert.ToBase64String(owner.Account.PublicKeySpki), pending["publicKey"]!.GetValue<string>());
        var orgKey = ClientCrypto.DecryptEncString(pending["organizationKey"]!.GetValue<string>(), w.Provider.Key);
        Assert.Equal(client.Key.ToBytes(), orgKey);

        var confirmed = await w.Technician.Client.PostJsonAsync($"/api/organizations/{client.Id}/users/confirm",
            new { keys = new[] { new { id = memberId, key = ClientCrypto.RsaEncrypt(orgKey, owner.Account.PublicKeySpki) } } });
        Assert.Equal("", confirmed["data"]![0]!["error"]!.GetValue<string>());
        Assert.Empty((await w.Admin.Client.GetJsonAsync($"{P(w)}/pending-confirmations"))["data"]!.AsArray());
        Assert.Contains((await w.Admin.Client.GetJsonAsync($"{P(w)}/events"))["data"]!.AsArray(), e => e!["type"]!.GetValue<int>() == 1501);

        foreach (var path in new[] { "pending-confirmations", "client-tags", "client-templates", "bulk-jobs" })
        {
            await ApiClient.ReadErrorAsync(await owner.Client.GetAsync($"{P(w)}/{path}"), HttpStatusCode.NotFound);
        }
        await ApiClient.ReadErrorAsync(await owner.Client.PostAsync($"{P(w)}/bulk-jobs",
            new { kind = 2, selection = new { all = true }, parameters = new { enabled = false } }), HttpStatusCode.NotFound);
        await ApiClient.ReadErrorAsync(await w.Admin.Client.GetAsync($"{P(w)}/pending-confirmations?continuationToken=nope"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task NewClient_FromATemplate_StartsWithoutDrift()
    {
        var w = await ProviderWithClientsAsync(0);
        var template = await w.Admin.Client.PostJsonAsync($"{P(w)}/client-templates", Template(w.Provider, withPolicy: false));
        var collectionRef = template["body"]!["collections"]![0]!["id"]!.GetValue<string>();
        var orgKey = SymmetricKey.Random();
        var (publicKey, privateKey) = ClientCrypto.GenerateRsaKeyPair();
        await ApiClient.ReadOkOrEmptyAsync(await w.Technician.Client.PostAsync($"{P(w)}/clients", new
        {
            name = "Templated", ownerEmail = TestAccounts.NewEmail("owner"), planType = 20, seats = 10,
            key = ClientCrypto.EncryptToEncString(orgKey.ToBytes(), w.Provider.Key),
            keyPair = new { publicKey = Convert.ToBase64String(publicKey), encryptedPrivateKey = ClientCrypto.EncryptToEncString(privateKey, orgKey) },
            collectionName = ClientCrypto.EncryptToEncString("Default collection", orgKey),
            templateId = template["id"], templateCollections = new[] { new { id = collectionRef, name = ClientCrypto.EncryptToEncString("Patients", orgKey) } },
        }));
        var orgId = (await w.Admin.Client.GetJsonAsync($"{P(w)}/organizations?search=Templated"))["data"]![0]!["organizationId"]!.GetValue<string>();
        var drift = await w.Admin.Client.GetJsonAsync($"{P(w)}/client-templates/{template["id"]}/drift/{orgId}");
        Assert.True(drift["follows"]!.GetValue<bool>());
        Assert.Empty(drift["missingGroups"]!.AsArray());
        Assert.Equal(2, drift["collections"]!.AsArray().Count);
    }
}
