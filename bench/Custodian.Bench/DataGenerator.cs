using System.Diagnostics;
using Custodian.Server.Features.Accounts;
using Custodian.Server.Features.Events;
using Custodian.Server.Features.Organizations;
using Custodian.Server.Features.Providers;
using Custodian.Server.Features.Providers.Assignments;
using Custodian.Server.Features.Vault;
using Custodian.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Bench;

/// <summary>
/// Fills an empty database with an MSP's data through the server's own model: one provider whose admin is
/// confirmed, client orgs linked to it (one big client with 5,000 members in a group), members with collection
/// access, personal and org items of realistic ciphertext size, and event history. Two technicians carry client
/// items by assignment (docs/access.md): one assigned to 50 ordinary clients, one to every client; the admin to none. Every user shares one
/// server-side hash, so that the login benchmark measures the server's PBKDF2 check, not the generator.
/// </summary>
public sealed class DataGenerator(BenchDatabase database, BenchShape shape, TextWriter log)
{
    const int BatchSize = 5_000;
    const int CollectionsPerOrg = 3;
    const int BigOrgCollections = 50;
    /// <summary>The technician of the "assigned to 50 clients" scenario.</summary>
    public const int AssignedClients = 50;

    readonly Payloads _payloads = new(seed: 20261125);
    readonly DateTime _start = DateTime.UtcNow.AddDays(-30);
    readonly List<object> _pending = [];
    long _rows;
    int _sequence;

    public async Task<BenchManifest> RunAsync(CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await using (var db = database.CreateContext())
        {
            await db.Database.MigrateAsync(ct);
            if (await db.Users.AnyAsync(ct))
            {
                throw new InvalidOperationException("The database already holds data; generate into an empty one.");
            }
        }

        var clientHash = _payloads.Base64(32);
        var serverHash = new MasterPasswordHasher().Hash(new User { Email = "bench", SecurityStamp = "bench" }, clientHash);
        var users = await AddUsersAsync(serverHash, ct);
        var provider = await AddProviderAsync(users[^1], ct);
        // Technicians are users of their own, members of no org, so their sync is exactly their assigned clients' items.
        var technicians = new List<(User User, ProviderUser Link)>();
        foreach (var name in new[] { "tech-50", "tech-all" })
        {
            var user = NewUser(name, serverHash);
            await AddAsync(user, ct);
            technicians.Add((user, await AddProviderUserAsync(provider, user, ProviderUserType.ServiceUser, ct)));
        }
        var orgs = await AddOrganizationsAsync(provider, technicians[0].Link, technicians[1].Link, ct);
        var syncUsers = await AddMembersAndItemsAsync(users, orgs, ct);
        await AddEventsAsync(orgs, provider, users, ct);
        await FlushAsync(ct);
        log.WriteLine($"generated {_rows:N0} rows in {clock.Elapsed.TotalSeconds:F0} s");

        return new BenchManifest(shape, clientHash, provider.Id, users[^1].Email, orgs[0].Id, users[0].Email, syncUsers,
            "Client 0042", _start, DateTime.UtcNow.AddDays(1),
            [new(technicians[0].User.Email, Math.Min(AssignedClients, orgs.Count - 1 - BenchShape.SyncUserItems.Length)),
             new(technicians[1].User.Email, orgs.Count)]);
    }

    async Task<List<User>> AddUsersAsync(string serverHash, CancellationToken ct)
    {
        var users = new List<User>(shape.Users);
        for (var i = 0; i < shape.Users; i++)
        {
            var user = NewUser($"user{i:D6}", serverHash);
            users.Add(user);
            await AddAsync(user, ct);
        }
        log.WriteLine($"users: {users.Count:N0}");
        return users;
    }

    User NewUser(string name, string serverHash) => new()
    {
        Id = NextId(), Email = $"{name}@bench.test", EmailVerified = true, Name = name,
        MasterPassword = serverHash, Kdf = KdfType.Pbkdf2Sha256, KdfIterations = 600_000,
        Key = _payloads.EncString(64), PublicKey = _payloads.PublicKey(), PrivateKey = _payloads.EncString(1218),
        SecurityStamp = Guid.NewGuid().ToString(), CreationDate = _start, RevisionDate = _start, AccountRevisionDate = _start,
    };

    async Task<ProviderUser> AddProviderUserAsync(Provider provider, User user, ProviderUserType type, CancellationToken ct)
    {
        var link = new ProviderUser
        {
            Id = NextId(), ProviderId = provider.Id, UserId = user.Id, Email = user.Email, Key = _payloads.RsaEncString(),
            Status = ProviderUserStatusType.Confirmed, Type = type, CreationDate = _start, RevisionDate = _start,
        };
        await AddAsync(link, ct);
        return link;
    }

    async Task<Provider> AddProviderAsync(User admin, CancellationToken ct)
    {
        var provider = new Provider
        {
            Id = NextId(), Name = "Bench MSP", BusinessName = "Bench MSP Ltd", BillingEmail = admin.Email,
            Status = ProviderStatusType.Billable, CreationDate = _start, RevisionDate = _start,
        };
        await AddAsync(provider, ct);
        await AddProviderUserAsync(provider, admin, ProviderUserType.ProviderAdmin, ct);
        return provider;
    }

    /// <summary>
    /// The clients; <paramref name="tech50"/> is assigned to the 50 ordinary clients after the sync users' orgs (about 50
    /// items each at full scale), <paramref name="techAll"/> to every client.
    /// </summary>
    async Task<List<Organization>> AddOrganizationsAsync(Provider provider, ProviderUser tech50, ProviderUser techAll, CancellationToken ct)
    {
        var orgs = new List<Organization>(shape.Orgs);
        for (var i = 0; i < shape.Orgs; i++)
        {
            var org = new Organization
            {
                Id = NextId(), Name = i == 0 ? "Big Client" : $"Client {i:D4}", BillingEmail = $"billing{i}@client.test",
                PlanType = 20, ProductTier = ProductTierType.Enterprise, Seats = i == 0 ? shape.BigOrgMembers + 100 : 50,
                PublicKey = _payloads.PublicKey(), PrivateKey = _payloads.EncString(1218), ApiKey = _payloads.Base64(21),
                CreationDate = _start, RevisionDate = _start,
            };
            orgs.Add(org);
            await AddAsync(org, ct);
            var link = new ProviderOrganization
            {
                Id = NextId(), ProviderId = provider.Id, OrganizationId = org.Id, Key = _payloads.EncString(64),
                CreationDate = _start, RevisionDate = _start,
            };
            await AddAsync(link, ct);
            var firstOrdinary = 1 + BenchShape.SyncUserItems.Length;
            ProviderUser[] carriers = i >= firstOrdinary && i < firstOrdinary + AssignedClients ? [tech50, techAll] : [techAll];
            foreach (var technician in carriers)
            {
                await AddAsync(new ProviderAssignment { Id = NextId(), ProviderUserId = technician.Id, ProviderOrganizationId = link.Id, CreationDate = _start }, ct);
            }
        }
        log.WriteLine($"client organizations: {orgs.Count:N0}");
        return orgs;
    }

    /// <summary>
    /// The big client takes the first users and shares its collections through one group; the three sync users own
    /// orgs 1 to 3; everyone else is spread over the remaining orgs with access to each of their org's collections.
    /// </summary>
    async Task<List<SyncUser>> AddMembersAndItemsAsync(List<User> users, List<Organization> orgs, CancellationToken ct)
    {
        var bigCollections = await AddCollectionsAsync(orgs[0], BigOrgCollections, ct);
        var group = new Group { Id = NextId(), OrganizationId = orgs[0].Id, Name = "Everyone", CreationDate = _start, RevisionDate = _start };
        await AddAsync(group, ct);
        foreach (var collection in bigCollections)
        {
            await AddAsync(new CollectionGroup { CollectionId = collection.Id, GroupId = group.Id }, ct);
        }
        for (var i = 0; i < shape.BigOrgMembers; i++)
        {
            var member = await AddMemberAsync(orgs[0], users[i], i == 0 ? OrganizationUserType.Owner : OrganizationUserType.User, ct);
            await AddAsync(new GroupUser { GroupId = group.Id, OrganizationUserId = member.Id }, ct);
        }
        await AddOrgItemsAsync(orgs[0], bigCollections, shape.BigOrgItems, ct);

        var syncUsers = new List<SyncUser>();
        var syncItems = BenchShape.SyncUserItems;
        var regularUsers = users.Skip(shape.BigOrgMembers).Take(shape.Users - shape.BigOrgMembers - 1 - syncItems.Length).ToList();
        var memberOrgs = orgs.Skip(1).ToList();
        var membersOf = memberOrgs.ToDictionary(o => o.Id, _ => new List<User>());
        for (var i = 0; i < syncItems.Length; i++)
        {
            var user = users[shape.Users - 2 - i];
            membersOf[memberOrgs[i].Id].Add(user);
            syncUsers.Add(new SyncUser(syncItems[i], user.Email, user.Id));
        }
        for (var i = 0; i < regularUsers.Count; i++)
        {
            membersOf[memberOrgs[i % memberOrgs.Count].Id].Add(regularUsers[i]);
        }

        // Items left after the big client and the sync users: half in client orgs, half personal.
        var remaining = shape.Items - shape.BigOrgItems - syncItems.Sum();
        var orgItems = remaining / 2;
        for (var i = 0; i < memberOrgs.Count; i++)
        {
            var org = memberOrgs[i];
            var collections = await AddCollectionsAsync(org, CollectionsPerOrg, ct);
            var members = membersOf[org.Id];
            for (var m = 0; m < members.Count; m++)
            {
                var member = await AddMemberAsync(org, members[m], m == 0 ? OrganizationUserType.Owner : OrganizationUserType.User, ct);
                foreach (var collection in collections)
                {
                    await AddAsync(new CollectionUser { CollectionId = collection.Id, OrganizationUserId = member.Id, Manage = m == 0 }, ct);
                }
            }
            var count = i < syncItems.Length ? syncItems[i] / 2 : Share(orgItems, i - syncItems.Length, memberOrgs.Count - syncItems.Length);
            await AddOrgItemsAsync(org, collections, count, ct);
        }
        for (var i = 0; i < syncUsers.Count; i++)
        {
            await AddPersonalItemsAsync(syncUsers[i].Id, syncItems[i] - syncItems[i] / 2, folders: 10, ct);
        }
        var personal = remaining - orgItems;
        var owners = users.Take(shape.BigOrgMembers).Concat(regularUsers).ToList();
        for (var i = 0; i < owners.Count; i++)
        {
            await AddPersonalItemsAsync(owners[i].Id, Share(personal, i, owners.Count), folders: 0, ct);
        }
        log.WriteLine($"members, collections and {shape.Items:N0} items");
        return syncUsers;
    }

    static int Share(int total, int index, int parts) => total / parts + (index < total % parts ? 1 : 0);

    async Task<List<Collection>> AddCollectionsAsync(Organization org, int count, CancellationToken ct)
    {
        var collections = new List<Collection>(count);
        for (var i = 0; i < count; i++)
        {
            var collection = new Collection { Id = NextId(), OrganizationId = org.Id, Name = _payloads.EncString(12), CreationDate = _start, RevisionDate = _start };
            collections.Add(collection);
            await AddAsync(collection, ct);
        }
        return collections;
    }

    async Task<OrganizationUser> AddMemberAsync(Organization org, User user, OrganizationUserType type, CancellationToken ct)
    {
        var member = new OrganizationUser
        {
            Id = NextId(), OrganizationId = org.Id, UserId = user.Id, Key = _payloads.RsaEncString(),
            Status = OrganizationUserStatus.Confirmed, Type = type, CreationDate = _start, RevisionDate = _start,
        };
        await AddAsync(member, ct);
        return member;
    }

    async Task AddOrgItemsAsync(Organization org, List<Collection> collections, int count, CancellationToken ct)
    {
        for (var i = 0; i < count; i++)
        {
            var cipher = NewCipher(userId: null, org.Id);
            await AddAsync(cipher, ct);
            await AddAsync(new CollectionCipher { CollectionId = collections[i % collections.Count].Id, CipherId = cipher.Id }, ct);
        }
    }

    async Task AddPersonalItemsAsync(Guid userId, int count, int folders, CancellationToken ct)
    {
        var folderIds = new List<Guid>();
        for (var f = 0; f < folders; f++)
        {
            var folder = new Folder { Id = NextId(), UserId = userId, Name = _payloads.EncString(10), CreationDate = _start, RevisionDate = _start };
            folderIds.Add(folder.Id);
            await AddAsync(folder, ct);
        }
        for (var i = 0; i < count; i++)
        {
            var cipher = NewCipher(userId, organizationId: null);
            await AddAsync(cipher, ct);
            if (folderIds.Count > 0 && i % 3 != 0)
            {
                await AddAsync(new CipherUserState { CipherId = cipher.Id, UserId = userId, FolderId = folderIds[i % folderIds.Count], Favorite = i % 10 == 1 }, ct);
            }
        }
    }

    Cipher NewCipher(Guid? userId, Guid? organizationId)
    {
        var (type, data) = _payloads.Item();
        var date = _start.AddMilliseconds(_sequence);
        return new Cipher
        {
            Id = NextId(), UserId = userId, OrganizationId = organizationId, Type = type, Data = data,
            Key = _payloads.EncString(64), CreationDate = date, RevisionDate = date,
        };
    }

    async Task AddEventsAsync(List<Organization> orgs, Provider provider, List<User> users, CancellationToken ct)
    {
        EventType[] orgTypes = [EventType.Cipher_Created, EventType.Cipher_Updated, EventType.Cipher_ClientViewed,
            EventType.OrganizationUser_Invited, EventType.Collection_Created, EventType.Cipher_ClientCopiedPassword];
        for (var i = 0; i < orgs.Count; i++)
        {
            var count = i == 0 ? shape.BigOrgEvents : shape.EventsPerOrg;
            for (var e = 0; e < count; e++)
            {
                await AddAsync(new Event
                {
                    Id = NextId(), Type = orgTypes[e % orgTypes.Length], Date = _start.AddSeconds(e * 29 + i),
                    OrganizationId = orgs[i].Id, ActingUserId = users[e % Math.Min(users.Count, shape.BigOrgMembers)].Id,
                    ProviderId = e % 5 == 0 ? provider.Id : null, DeviceType = 9, IpAddress = "192.0.2.10",
                }, ct);
            }
        }
        log.WriteLine("events");
    }

    Guid NextId()
    {
        _sequence++;
        return Guid.CreateVersion7(_start.AddMilliseconds(_sequence));
    }

    async Task AddAsync(object entity, CancellationToken ct)
    {
        _pending.Add(entity);
        if (_pending.Count >= BatchSize)
        {
            await FlushAsync(ct);
        }
    }

    /// <summary>A fresh context per batch keeps the generator's memory flat however big the data set.</summary>
    async Task FlushAsync(CancellationToken ct)
    {
        if (_pending.Count == 0)
        {
            return;
        }
        await using var db = database.CreateContext();
        db.AddRange(_pending);
        await db.SaveChangesAsync(ct);
        _rows += _pending.Count;
        _pending.Clear();
    }
}
