using System.Text.Json.Nodes;
using Custodian.Server.Features.Organizations;
using Custodian.Server.Infrastructure.Data;
using Custodian.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Custodian.Tests.Infrastructure;

/// <summary>An organization as its creator's client knows it: the id and the org key in the clear.</summary>
public sealed record TestOrganization(Guid Id, SymmetricKey Key, TestUser Owner)
{
    public string Encrypt(string plaintext) => ClientCrypto.EncryptToEncString(plaintext, Key);
    public string Decrypt(string encString) => ClientCrypto.DecryptEncStringUtf8(encString, Key);
}

public static class TestOrganizations
{
    /// <summary>The body the web vault sends to create an org: everything wrapped on the client.</summary>
    public static object CreateBody(TestUser owner, SymmetricKey orgKey, string name = "Acme", string? collectionName = "Default collection")
    {
        var (publicKey, privateKey) = ClientCrypto.GenerateRsaKeyPair();
        return new
        {
            name,
            billingEmail = owner.Email,
            planType = 20,
            key = ClientCrypto.RsaEncrypt(orgKey.ToBytes(), owner.Account.PublicKeySpki),
            keys = new { publicKey = Convert.ToBase64String(publicKey), encryptedPrivateKey = ClientCrypto.EncryptToEncString(privateKey, orgKey) },
            collectionName = collectionName is null ? null : ClientCrypto.EncryptToEncString(collectionName, orgKey),
        };
    }

    public static async Task<TestOrganization> CreateOrganizationAsync(this TestUser owner, string name = "Acme")
    {
        var orgKey = SymmetricKey.Random();
        var org = await owner.Client.PostJsonAsync("/api/organizations", CreateBody(owner, orgKey, name));
        return new TestOrganization(Guid.Parse(org["id"]!.GetValue<string>()), orgKey, owner);
    }

    /// <summary>The org key a member's client recovers from its profile: RSA-unwrapped with its private key.</summary>
    public static SymmetricKey OrgKeyFromProfile(TestUser user, JsonObject profile, Guid organizationId)
    {
        var entry = profile["organizations"]!.AsArray().Single(o => o!["id"]!.GetValue<string>() == organizationId.ToString())!;
        return SymmetricKey.FromBytes(ClientCrypto.RsaDecrypt(entry["key"]!.GetValue<string>(), user.Account.PrivateKeyPkcs8));
    }

    /// <summary>
    /// A confirmed member of <paramref name="org"/> holding the org key wrapped to its public key, as after invite,
    /// accept and confirm. Set-up for tests of other features; the members flow itself is tested through HTTP.
    /// </summary>
    public static async Task<Guid> AddConfirmedMemberAsync(this ApiFactory api, TestOrganization org, TestUser user,
        OrganizationUserType type = OrganizationUserType.User, MemberPermissions? permissions = null)
    {
        using var scope = api.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var member = new OrganizationUser
        {
            Id = Guid.CreateVersion7(), OrganizationId = org.Id, UserId = user.Id, Type = type,
            Status = OrganizationUserStatus.Confirmed, Permissions = permissions?.Serialize(), CreationDate = DateTime.UtcNow,
            Key = ClientCrypto.RsaEncrypt(org.Key.ToBytes(), user.Account.PublicKeySpki),
        };
        db.OrganizationUsers.Add(member);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return member.Id;
    }
}

/// <summary>Collections and org items as an org's clients make them: names and fields under the org key.</summary>
public static class TestCollections
{
    public static object Access(Guid memberId, bool readOnly = false, bool hidePasswords = false, bool manage = false) =>
        new { id = memberId, readOnly, hidePasswords, manage };

    /// <summary>A collection made by the org's owner, reachable by the members given.</summary>
    public static async Task<Guid> CreateCollectionAsync(this TestOrganization org, string name, params object[] users)
    {
        var created = await org.Owner.Client.PostJsonAsync($"/api/organizations/{org.Id}/collections",
            new { name = org.Encrypt(name), externalId = (string?)null, groups = Array.Empty<object>(), users });
        return Guid.Parse(created["id"]!.GetValue<string>());
    }

    public static Dictionary<string, object?> Item(TestOrganization org, string name, string password = "org-secret") => new()
    {
        ["type"] = 1,
        ["organizationId"] = org.Id,
        ["name"] = org.Encrypt(name),
        ["reprompt"] = 0,
        ["login"] = new { username = org.Encrypt("shared-user"), password = org.Encrypt(password) },
    };

    /// <summary><c>POST /api/ciphers/create</c> by <paramref name="user"/>, as the CLI sends it.</summary>
    public static async Task<Guid> CreateItemAsync(this TestOrganization org, TestUser user, string name, params Guid[] collectionIds)
    {
        var created = await user.Client.PostJsonAsync("/api/ciphers/create", new { cipher = Item(org, name), collectionIds });
        return Guid.Parse(created["id"]!.GetValue<string>());
    }
}

/// <summary>The members flow over HTTP: invite (token read from the outbox mail), accept, confirm.</summary>
public static class TestMembers
{
    public static async Task<Guid> InviteAsync(this TestOrganization org, TestUser by, string email,
        OrganizationUserType type = OrganizationUserType.User)
    {
        await ApiClient.ReadOkOrEmptyAsync(await by.Client.PostAsync($"/api/organizations/{org.Id}/users/invite",
            new { emails = new[] { email }, type, collections = Array.Empty<object>(), groups = Array.Empty<Guid>() }));
        var list = await org.Owner.Client.GetJsonAsync($"/api/organizations/{org.Id}/users");
        return Guid.Parse(list["data"]!.AsArray().Single(m => m!["email"]!.GetValue<string>() == email.ToLowerInvariant())!["id"]!.GetValue<string>());
    }

    /// <summary>The token from the invitation mail the server wrote to its outbox (no SMTP in tests).</summary>
    public static string ReadInviteToken(ApiFactory api, Guid memberId) => ReadMailToken(api, $"organizationUserId={memberId}");

    /// <summary>The <c>token=</c> of the newest outbox mail whose text contains <paramref name="marker"/>.</summary>
    public static string ReadMailToken(ApiFactory api, string marker)
    {
        var outbox = Path.Combine(api.DataDirectory, "outbox");
        var text = Directory.GetFiles(outbox, "*.eml").OrderByDescending(f => f, StringComparer.Ordinal)
            .Select(f => MimeKit.MimeMessage.Load(f).TextBody ?? "").First(t => t.Contains(marker, StringComparison.Ordinal));
        var token = text[(text.IndexOf("token=", StringComparison.Ordinal) + "token=".Length)..].Split('\n')[0].Trim();
        return Uri.UnescapeDataString(token);
    }

    public static Task<HttpResponseMessage> AcceptAsync(this TestOrganization org, TestUser user, Guid memberId, string token) =>
        user.Client.PostAsync($"/api/organizations/{org.Id}/users/{memberId}/accept", new { token });

    public static Task<HttpResponseMessage> ConfirmAsync(this TestOrganization org, TestUser by, TestUser member, Guid memberId) =>
        by.Client.PostAsync($"/api/organizations/{org.Id}/users/{memberId}/confirm",
            new { key = ClientCrypto.RsaEncrypt(org.Key.ToBytes(), member.Account.PublicKeySpki) });

    /// <summary>Invite, accept, confirm: the whole flow a new member goes through.</summary>
    public static async Task<Guid> JoinThroughInviteAsync(this ApiFactory api, TestOrganization org, TestUser user,
        OrganizationUserType type = OrganizationUserType.User)
    {
        var memberId = await org.InviteAsync(org.Owner, user.Email, type);
        await ApiClient.ReadOkOrEmptyAsync(await org.AcceptAsync(user, memberId, ReadInviteToken(api, memberId)));
        await ApiClient.ReadOkOrEmptyAsync(await org.ConfirmAsync(org.Owner, user, memberId));
        return memberId;
    }
}

/// <summary>
/// Everyone an authorization test asks about one org: its owner, an admin, a plain user, a custom member with the
/// permission the route needs and one without it, and a stranger who owns another org.
/// </summary>
public sealed record OrgRoles(TestOrganization Org, TestUser Owner, TestUser Admin, TestUser User, Guid UserMemberId,
    TestUser CustomWith, TestUser CustomWithout, TestUser Stranger, TestOrganization StrangersOrg)
{
    /// <summary>Callers who must get a 404, as if the org did not exist.</summary>
    public IReadOnlyList<TestUser> Denied => [Stranger, User, CustomWithout];

    public IReadOnlyList<TestUser> Allowed => [CustomWith, Admin, Owner];
}

public static class TestRoles
{
    public static async Task<OrgRoles> CreateRolesAsync(this ApiFactory api, MemberPermissions granting, MemberPermissions notGranting)
    {
        var owner = await api.LoginNewUserAsync();
        var org = await owner.CreateOrganizationAsync();
        var admin = await api.LoginNewUserAsync();
        await api.AddConfirmedMemberAsync(org, admin, OrganizationUserType.Admin);
        var user = await api.LoginNewUserAsync();
        var userId = await api.AddConfirmedMemberAsync(org, user);
        var customWith = await api.LoginNewUserAsync();
        await api.AddConfirmedMemberAsync(org, customWith, OrganizationUserType.Custom, granting);
        var customWithout = await api.LoginNewUserAsync();
        await api.AddConfirmedMemberAsync(org, customWithout, OrganizationUserType.Custom, notGranting);
        var stranger = await api.LoginNewUserAsync();
        return new OrgRoles(org, owner, admin, user, userId, customWith, customWithout, stranger, await stranger.CreateOrganizationAsync("Stranger's"));
    }
}
