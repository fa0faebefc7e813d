using Custodian.Tests.Infrastructure;
using Custodian.Tests.Sends;
using Custodian.Tests.Vault;

namespace Custodian.Tests.Security;

/// <summary>Who calls a route in the authorization matrix.</summary>
public enum Caller
{
    /// <summary>No credentials at all.</summary>
    Anonymous,
    /// <summary>Alice: owns the personal items, folder and attachment, and owns <see cref="SecurityWorld.Org"/>.</summary>
    Owner,
    /// <summary>Bob: a confirmed plain user of Alice's org, with access to its collection.</summary>
    OrgMember,
    /// <summary>Carol: the provider's admin, who made the client org.</summary>
    ProviderAdmin,
    /// <summary>Dave: a service user (technician) of Carol's provider.</summary>
    ServiceUser,
    /// <summary>The system administrator's token on /admin.</summary>
    SystemAdmin,
    /// <summary>Eve: logged in, a personal vault and nothing else.</summary>
    Stranger,
    /// <summary>Mallory: owner of another org, with its own collection, group and item.</summary>
    OtherOrgOwner,
    /// <summary>Oscar: admin of another provider, with its own client org.</summary>
    OtherProviderAdmin,
    /// <summary>Alice's org's API key token (scope api.organization), as Directory Connector holds it.</summary>
    OrgApiKey,
    /// <summary>Carol's provider API key token (scope api.provider).</summary>
    ProviderApiKey,
}

/// <summary>
/// One world for every route: a user with a personal item, folder, attachment and Sends; an org with a member, collection,
/// group, policy and item; a provider with an admin, a service user and a client org; and another org and another
/// provider whose people try the first tenants' ids. Built once per test class.
/// </summary>
public sealed class SecurityWorld : ApiFactory
{
    public TestUser Alice { get; private set; } = null!;
    public TestUser Bob { get; private set; } = null!;
    public TestUser Carol { get; private set; } = null!;
    public TestUser Dave { get; private set; } = null!;
    public TestUser Eve { get; private set; } = null!;
    public TestUser Mallory { get; private set; } = null!;
    public TestUser Oscar { get; private set; } = null!;
    public TestOrganization Org { get; private set; } = null!;
    public TestProvider Provider { get; private set; } = null!;

    /// <summary>The fixture's ids by name; <see cref="RouteCatalog"/> fills route parameters from these.</summary>
    public Dictionary<string, string> Ids { get; } = new(StringComparer.Ordinal);

    ApiClient _orgApi = null!;
    ApiClient _providerApi = null!;

    /// <summary>
    /// The matrix calls every /admin route without the token, many times from one address: the admin throttle (tested
    /// on its own) would answer 429 instead of the 401 the matrix checks.
    /// </summary>
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Login:MaxAdminFailuresPerIp"] = "100000",
    };

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Alice = await this.LoginNewUserAsync(TestAccounts.NewEmail("alice"));
        Bob = await this.LoginNewUserAsync(TestAccounts.NewEmail("bob"));
        Carol = await this.LoginNewUserAsync(TestAccounts.NewEmail("carol"));
        Dave = await this.LoginNewUserAsync(TestAccounts.NewEmail("dave"));
        Eve = await this.LoginNewUserAsync(TestAccounts.NewEmail("eve"));
        Mallory = await this.LoginNewUserAsync(TestAccounts.NewEmail("mallory"));
        Oscar = await this.LoginNewUserAsync(TestAccounts.NewEmail("oscar"));

        Ids["user"] = Alice.Id.ToString();
        var folder = await TestCiphers.CreateFolderAsync(Alice);
        Ids["folder"] = folder.ToString();
        var cipher = await TestCiphers.CreateAsync(Alice, TestCiphers.Login(Alice, "Personal", folder.ToString()));
        Ids["cipher"] = cipher.ToString();
        var announced = await Alice.Client.PostJsonAsync($"/api/ciphers/{cipher}/attachment/v2",
            new { key = Alice.Account.Encrypt("k"), fileName = Alice.Account.Encrypt("a.txt"), fileSize = 4, adminRequest = false });
        Ids["attachment"] = announced["attachmentId"]!.GetValue<string>();
        var upload = new MultipartFormDataContent { { new ByteArrayContent([1, 2, 3, 4]), "data", "2.name" } };
        await ApiClient.ReadOkOrEmptyAsync(await Alice.Client.Http.PostAsync($"/api/ciphers/{cipher}/attachment/{Ids["attachment"]}", upload));
        await TestCiphers.CreateAsync(Eve);
        await CreateSendsAsync();

        Org = await Alice.CreateOrganizationAsync("Alice's org");
        Ids["org"] = Org.Id.ToString();
        var bobMember = await this.AddConfirmedMemberAsync(Org, Bob);
        Ids["member"] = bobMember.ToString();
        // Bob may read the shared collection but not change it: the plain member every admin route must refuse.
        var collection = await Org.CreateCollectionAsync("Shared", TestCollections.Access(bobMember, readOnly: true));
        Ids["collection"] = collection.ToString();
        Ids["orgCipher"] = (await Org.CreateItemAsync(Alice, "Router", collection)).ToString();
        var group = await Alice.Client.PostJsonAsync($"/api/organizations/{Org.Id}/groups", new
        {
            name = "Helpdesk", externalId = (string?)null, collections = new[] { TestCollections.Access(collection, readOnly: true) }, users = new[] { bobMember },
        });
        Ids["group"] = group["id"]!.GetValue<string>();
        await Alice.Client.PutJsonAsync($"/api/organizations/{Org.Id}/policies/2", new { enabled = true, data = new { minLength = 12 } });
        Ids["policyType"] = "2";
        // Account recovery on, Bob enrolled: the reset routes have someone to act on.
        await Org.EnableRecoveryPolicyAsync();
        await ApiClient.ReadOkOrEmptyAsync(await Org.EnrollAsync(Bob));
        _orgApi = await this.OrgApiClientAsync(Org);
        Ids["publicDoc"] = "public";
        Ids["iconDomain"] = "localhost";
        Ids["scimResourceType"] = "User";
        Ids["scimSchema"] = "urn:ietf:params:scim:schemas:core:2.0:User";

        var malloryOrg = await Mallory.CreateOrganizationAsync("Mallory's org");
        await malloryOrg.CreateItemAsync(Mallory, "Mallory's item", await malloryOrg.CreateCollectionAsync("Mallory's"));

        Provider = await this.CreateProviderAsync(Carol, "Carol's MSP");
        Ids["provider"] = Provider.Id.ToString();
        // A logo, so the public logo route has one to serve.
        await ApiClient.ReadOkAsync(await Carol.Client.Http.PostAsync($"/api/providers/{Provider.Id}/branding/logo",
            new MultipartFormDataContent { { new ByteArrayContent(Providers.ProviderBrandingTests.Png()), "logo", "logo.png" } }));
        Ids["providerUser"] = (await this.AddProviderUserAsync(Provider, Dave, type: 1)).ToString();
        var clientA = await Provider.CreateClientAsync(Carol, "Client A", TestAccounts.NewEmail("client-a"));
        Ids["client"] = clientA.Id.ToString();
        var clients = await Carol.Client.GetJsonAsync($"/api/providers/{Provider.Id}/organizations");
        Ids["providerOrganization"] = clients["data"]!.AsArray().Single()!["id"]!.GetValue<string>();
        var providerKey = await Carol.Client.PostJsonAsync($"/api/providers/{Provider.Id}/api-key", new { masterPasswordHash = Carol.Account.MasterPasswordHash });
        var providerToken = await ApiClient.ReadOkAsync(await this.CreateApiClient().PostFormAsync("/identity/connect/token",
            TestApiKeys.ClientCredentials($"provider.{Provider.Id}", providerKey["apiKey"]!.GetValue<string>(), "api.provider")));
        _providerApi = this.CreateApiClient();
        _providerApi.UseToken(providerToken["access_token"]!.GetValue<string>());
        var team = await Carol.Client.PostJsonAsync($"/api/providers/{Provider.Id}/teams",
            new { name = "Night shift", providerUserIds = new[] { Ids["providerUser"] }, organizationIds = new[] { Ids["client"] } });
        Ids["team"] = team["id"]!.GetValue<string>();
        // Dave's request for time on the client: the grant the provider's and the client's decision routes act on.
        var grant = await Dave.Client.PostJsonAsync($"/api/providers/{Provider.Id}/access-requests",
            new { organizationId = Ids["client"], reason = "Printer queue", durationMinutes = 30 });
        Ids["grant"] = grant["id"]!.GetValue<string>();
        var providerPath = $"/api/providers/{Provider.Id}";
        Ids["clientTag"] = (await Carol.Client.PostJsonAsync($"{providerPath}/client-tags", new { name = "tier 1" }))["id"]!.GetValue<string>();
        Ids["clientTemplate"] = (await Carol.Client.PostJsonAsync($"{providerPath}/client-templates", Bodies.ClientTemplate(this, "Clinic")))["id"]!.GetValue<string>();
        Ids["bulkJob"] = (await Carol.Client.PostJsonAsync($"{providerPath}/bulk-jobs", Bodies.BulkSeats(this)))["id"]!.GetValue<string>();
        Ids["browserJob"] = (await Carol.Client.PostJsonAsync($"{providerPath}/bulk-jobs",
            new { kind = 12, selection = new { all = true }, parameters = new { } }))["id"]!.GetValue<string>();
        // Bob is Alice's takeover contact and his recovery is approved: every emergency-access step has a row.
        var emergency = await EmergencyAccess.TestEmergencyAccess.ConfirmedAsync(this, Alice, Bob, type: 1);
        await ApiClient.ReadOkOrEmptyAsync(await Bob.Client.PostAsync($"/api/emergency-access/{emergency}/initiate"));
        await ApiClient.ReadOkOrEmptyAsync(await Alice.Client.PostAsync($"/api/emergency-access/{emergency}/approve"));
        Ids["emergencyAccess"] = emergency.ToString();
        // And Alice's approved view contact: the grantee's attachment links reach her attachment through it.
        var view = await EmergencyAccess.TestEmergencyAccess.ConfirmedAsync(this, Alice, Bob, type: 0);
        await ApiClient.ReadOkOrEmptyAsync(await Bob.Client.PostAsync($"/api/emergency-access/{view}/initiate"));
        await ApiClient.ReadOkOrEmptyAsync(await Alice.Client.PostAsync($"/api/emergency-access/{view}/approve"));
        Ids["emergencyView"] = view.ToString();
        Ids["authRequest"] = (await new AuthRequests.NewDevice().RequestAsync(this, Alice.Email)).ToString();
        // A SIEM sink, off: the worker owes it nothing, so no test world reaches out to a collector.
        var sink = await Carol.Client.PostJsonAsync($"/api/providers/{Provider.Id}/event-sinks", SyslogSinkBody);
        Ids["eventSink"] = sink["id"]!.GetValue<string>();
        // A second client of Carol's (she made both, so she carries both) with a copy of an item of Client A: the
        // transfer route's pair. Dave's team carries Client A only.
        var transferTarget = await Provider.CreateClientAsync(Carol, "Client C", TestAccounts.NewEmail("client-c"));
        Ids["transferTarget"] = transferTarget.Id.ToString();
        Ids["transferSource"] = (await clientA.CreateItemAsync(Carol, "Printer", await clientA.CreateCollectionAsync("Tech"))).ToString();
        Ids["transferCopy"] = (await transferTarget.CreateItemAsync(Carol, "Printer", await transferTarget.CreateCollectionAsync("Tech"))).ToString();
        var otherProvider = await this.CreateProviderAsync(Oscar, "Oscar's MSP");
        await otherProvider.CreateClientAsync(Oscar, "Client B", TestAccounts.NewEmail("client-b"));
    }

    /// <summary>
    /// Alice's Sends: a text Send, a file Send with its bytes uploaded, and a file Send still waiting for them (the
    /// upload routes). None has a password or an access limit, so the public access routes open them any number of times.
    /// </summary>
    async Task CreateSendsAsync()
    {
        var text = await TestSends.CreateAsync(Alice);
        (Ids["send"], Ids["sendAccessId"]) = (text["id"]!.GetValue<string>(), text["accessId"]!.GetValue<string>());
        var file = (await Alice.Client.PostJsonAsync("/api/sends/file/v2", TestSends.File(Alice, 4)))["sendResponse"]!;
        (Ids["sendFile"], Ids["sendFileAccessId"], Ids["sendFileId"]) =
            (file["id"]!.GetValue<string>(), file["accessId"]!.GetValue<string>(), file["file"]!["id"]!.GetValue<string>());
        var upload = new MultipartFormDataContent { { new ByteArrayContent([1, 2, 3, 4]), "data", "2.name" } };
        await ApiClient.ReadOkOrEmptyAsync(await Alice.Client.Http.PostAsync($"/api/sends/{Ids["sendFile"]}/file/{Ids["sendFileId"]}", upload));
        var pending = (await Alice.Client.PostJsonAsync("/api/sends/file/v2", TestSends.File(Alice, 4)))["sendResponse"]!;
        (Ids["sendPending"], Ids["sendPendingFileId"]) = (pending["id"]!.GetValue<string>(), pending["file"]!["id"]!.GetValue<string>());
    }

    /// <summary>A client carrying <paramref name="caller"/>'s credentials (a fresh one for anonymous).</summary>
    public ApiClient ClientOf(Caller caller) => caller switch
    {
        Caller.Anonymous => this.CreateApiClient(),
        Caller.Owner => Alice.Client,
        Caller.OrgMember => Bob.Client,
        Caller.ProviderAdmin => Carol.Client,
        Caller.ServiceUser => Dave.Client,
        Caller.SystemAdmin => this.AdminClient(),
        Caller.Stranger => Eve.Client,
        Caller.OtherOrgOwner => Mallory.Client,
        Caller.OtherProviderAdmin => Oscar.Client,
        Caller.OrgApiKey => _orgApi,
        Caller.ProviderApiKey => _providerApi,
        _ => throw new ArgumentOutOfRangeException(nameof(caller)),
    };

    public TestUser UserOf(Caller caller) => caller switch
    {
        Caller.Owner => Alice,
        Caller.OrgMember => Bob,
        Caller.ProviderAdmin => Carol,
        Caller.ServiceUser => Dave,
        Caller.Stranger => Eve,
        Caller.OtherOrgOwner => Mallory,
        Caller.OtherProviderAdmin => Oscar,
        _ => throw new ArgumentOutOfRangeException(nameof(caller)),
    };

    public string Id(string name) => Ids[name];

    public static readonly object SyslogSinkBody = new { kind = 1, target = "siem.example:514", transport = 0, enabled = false };

    /// <summary>An EncString under Alice's user key, for personal bodies.</summary>
    public string Enc(string plaintext) => Alice.Account.Encrypt(plaintext);
}
