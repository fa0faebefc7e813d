using Custodian.Tests.Infrastructure;
using Custodian.Tests.Sends;
using Custodian.Tests.Support;
using Custodian.Tests.Vault;

namespace Custodian.Tests.Security;

/// <summary>The request bodies of <see cref="AuthorizationMatrix"/>, built from the fixture's keys and ids.</summary>
public static class Bodies
{
    /// <summary>An RSA-wrapped key's shape (EncString type 4); confirms are never replayed, so its content does not matter.</summary>
    public const string RsaKey = "4.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

    public static readonly object PolicyBody = new { enabled = true, data = new { minLength = 12 } };

    public static object EmergencyUpdate(SecurityWorld w) => new { type = 1, waitTimeDays = 7 };

    public static object Password(SecurityWorld w) => new { masterPasswordHash = w.Alice.Account.MasterPasswordHash };

    public static object AssignmentPairs(SecurityWorld w) => new { providerUserIds = new[] { w.Id("providerUser") }, organizationIds = new[] { w.Id("client") } };

    public static object Team(SecurityWorld w) => new { name = "Night shift", providerUserIds = new[] { w.Id("providerUser") }, organizationIds = new[] { w.Id("client") } };

    public static object Domains(SecurityWorld w) => new { equivalentDomains = new[] { new[] { "example.com", "example.net" } }, excludedGlobalEquivalentDomains = Array.Empty<int>() };

    public static object PersonalItem(SecurityWorld w) => TestCiphers.Login(w.Alice, "Personal", w.Id("folder"));

    public static object Partial(SecurityWorld w) => new { folderId = w.Id("folder"), favorite = false };

    public static object PersonalIds(SecurityWorld w) => new { ids = new[] { w.Id("cipher") } };

    public static object Move(SecurityWorld w) => new { ids = new[] { w.Id("cipher") }, folderId = w.Id("folder") };

    public static object Share(SecurityWorld w) => new { cipher = SharedCopy(w), collectionIds = new[] { w.Id("collection") } };

    public static object ShareMany(SecurityWorld w) => new { ciphers = new[] { SharedCopy(w) }, collectionIds = new[] { w.Id("collection") } };

    static Dictionary<string, object?> SharedCopy(SecurityWorld w)
    {
        var item = TestCollections.Item(w.Org, "Personal");
        item["id"] = w.Id("cipher");
        return item;
    }

    public static object Announce(SecurityWorld w) =>
        new { key = w.Enc("k"), fileName = w.Enc("b.txt"), fileSize = 4, adminRequest = false };

    public static object Upload(SecurityWorld w) =>
        new MultipartFormDataContent { { new ByteArrayContent([9, 9, 9, 9]), "data", "2.name" } };

    public static object SendText(SecurityWorld w) => TestSends.Text(w.Alice);

    public static object SendFile(SecurityWorld w) => TestSends.File(w.Alice, 4);

    /// <summary>The legacy access body; the fixture's Sends have no password.</summary>
    public static object SendNoPassword(SecurityWorld w) => new { password = (string?)null };

    public static object OrgItem(SecurityWorld w) => TestCollections.Item(w.Org, "Router");

    public static object OrgItemCreate(SecurityWorld w) => new { cipher = TestCollections.Item(w.Org, "New router"), collectionIds = new[] { w.Id("collection") } };

    public static object OrgIds(SecurityWorld w) => new { ids = new[] { w.Id("orgCipher") }, organizationId = w.Id("org") };

    public static object ItemCollections(SecurityWorld w) => new { collectionIds = new[] { w.Id("collection") } };

    public static object OrgImport(SecurityWorld w) => new
    {
        ciphers = new[] { TestCollections.Item(w.Org, "Imported") }, collections = Array.Empty<object>(), collectionRelationships = Array.Empty<object>(),
    };

    public static object NewOrganization(SecurityWorld w) => TestOrganizations.CreateBody(w.Alice, SymmetricKey.Random(), "Another org");

    public static object OrgUpdate(SecurityWorld w) => new { name = "Alice's org", billingEmail = w.Alice.Email };

    public static object CollectionManagement(SecurityWorld w) => new
    {
        limitCollectionCreation = false, limitCollectionDeletion = false, limitItemDeletion = false, allowAdminAccessToAllCollectionItems = true,
    };

    public static object MemberAccess(SecurityWorld w) => TestCollections.Access(Guid.Parse(w.Id("member")), readOnly: true);

    public static object NewCollection(SecurityWorld w) => new
    {
        name = w.Org.Encrypt("Another collection"), externalId = (string?)null, groups = Array.Empty<object>(), users = Array.Empty<object>(),
    };

    public static object CollectionUpdate(SecurityWorld w) => new
    {
        name = w.Org.Encrypt("Shared"), externalId = (string?)null, groups = new[] { TestCollections.Access(Guid.Parse(w.Id("group")), readOnly: true) }, users = new[] { MemberAccess(w) },
    };

    public static object BulkAccess(SecurityWorld w) => new
    {
        collectionIds = new[] { w.Id("collection") }, groups = Array.Empty<object>(), users = new[] { MemberAccess(w) },
    };

    public static object CollectionIds(SecurityWorld w) => new { ids = new[] { w.Id("collection") } };

    public static object GroupBody(SecurityWorld w) => new
    {
        name = "Helpdesk", externalId = (string?)null, collections = new[] { TestCollections.Access(Guid.Parse(w.Id("collection")), readOnly: true) }, users = new[] { w.Id("member") },
    };

    public static object Invite(SecurityWorld w) => new
    {
        emails = new[] { TestAccounts.NewEmail("invitee") }, type = 2, collections = Array.Empty<object>(), groups = Array.Empty<Guid>(),
    };

    public static object MemberIds(SecurityWorld w) => new { ids = new[] { w.Id("member") } };

    public static object MemberUpdate(SecurityWorld w) => new
    {
        type = 2, permissions = (object?)null, collections = new[] { TestCollections.Access(Guid.Parse(w.Id("collection")), readOnly: true) },
        groups = new[] { w.Id("group") }, accessSecretsManager = false,
    };

    public static object ProviderUpdate(SecurityWorld w) => new { name = "Carol's MSP", businessName = (string?)null, billingEmail = w.Carol.Email };

    public static object ProviderSetup(SecurityWorld w) => new { name = "Carol's MSP", billingEmail = w.Carol.Email, token = "not-a-token", key = RsaKey };

    public static object ProviderUserIds(SecurityWorld w) => new { ids = new[] { w.Id("providerUser") } };

    public static object NewClient(SecurityWorld w)
    {
        var orgKey = SymmetricKey.Random();
        var (publicKey, privateKey) = ClientCrypto.GenerateRsaKeyPair();
        return new
        {
            name = "Client " + Guid.NewGuid().ToString("N")[..6], ownerEmail = TestAccounts.NewEmail("client"), planType = 20, seats = 10,
            key = ClientCrypto.EncryptToEncString(orgKey.ToBytes(), w.Provider.Key),
            keyPair = new { publicKey = Convert.ToBase64String(publicKey), encryptedPrivateKey = ClientCrypto.EncryptToEncString(privateKey, orgKey) },
            collectionName = ClientCrypto.EncryptToEncString("Default collection", orgKey),
        };
    }

    public static object AddExisting(SecurityWorld w) => new { organizationId = w.Id("org"), key = ClientCrypto.EncryptToEncString(w.Org.Key.ToBytes(), w.Provider.Key) };

    public static object ClientIds(SecurityWorld w) => new { organizationIds = new[] { w.Id("client") } };

    /// <summary>A client template: a collection named under the provider key, a group and collection-management settings.</summary>
    public static object ClientTemplate(SecurityWorld w, string name) => new
    {
        name,
        body = new
        {
            collections = new[] { new { id = Guid.Parse("0190d2a8-0000-7000-8000-00000000000a"), name = Custodian.Tests.Support.ClientCrypto.EncryptToEncString("Passwords", w.Provider.Key) } },
            groups = new[] { new { name = "Helpdesk" } },
            collectionManagement = new { limitCollectionCreation = false, limitCollectionDeletion = false, limitItemDeletion = false, allowAdminAccessToAllCollectionItems = true },
        },
    };

    public static object BulkSeats(SecurityWorld w) => new { kind = 1, selection = new { organizationIds = new[] { w.Id("client") } }, parameters = new { seats = 10 } };
}
