using System.Buffers.Text;
using System.Collections;
using System.Text.Json;
using Custodian.Server.Features.Organizations;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Custodian.Server.Features.Providers;

/// <summary>
/// The profile's <c>providerOrganizations</c>: every client of each provider the caller serves, on every sync and
/// profile read of every provider user. Each instance keeps the latest serialized list per provider, checked against
/// <see cref="Provider.ClientsRevision"/> (one small query per request; the revision lives in the shared database,
/// so a change made through any instance reaches all). The entries are the same for every user of a provider but
/// for <c>userId</c>, which is written into the copy each response sends.
/// </summary>
public sealed class ProviderClientProfiles(IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
{
    /// <summary>What all kept lists may hold together (about 1.2 KB per client).</summary>
    internal const long CapacityBytes = 128L * 1024 * 1024;

    static ReadOnlySpan<byte> UserIdProperty => "\"userId\":\""u8;

    readonly Dictionary<Guid, ClientList> _lists = [];
    readonly Lock _gate = new();
    long _bytes;

    /// <summary>The entries of every provider <paramref name="userId"/> is an active user of.</summary>
    public async Task<ProviderClientEntries> ForUserAsync(AppDbContext db, Guid userId, CancellationToken ct)
    {
        // The revision is read before the entries are (on a miss), so a kept list is never older than its revision.
        var providers = await (from u in ProviderAccess.ActiveUsers(db, userId)
                               join p in db.Providers on u.ProviderId equals p.Id
                               orderby p.Id
                               select new { p.Id, p.ClientsRevision }).ToListAsync(ct);
        var lists = new List<ClientList>(providers.Count);
        foreach (var provider in providers)
        {
            if (Kept(provider.Id, provider.ClientsRevision) is not { } list)
            {
                list = Serialize(provider.ClientsRevision,
                    await ProfileOrganizationResponse.ForProviderClientsAsync(db, provider.Id, userId: Guid.Empty, ct));
                Keep(provider.Id, list);
            }
            lists.Add(list);
        }
        return new ProviderClientEntries(lists, userId);
    }

    ClientList? Kept(Guid providerId, Guid revision)
    {
        lock (_gate)
        {
            return _lists.TryGetValue(providerId, out var list) && list.Revision == revision ? list : null;
        }
    }

    /// <summary>Replaces the provider's list; others go, in no particular order, when the total would pass the cap.</summary>
    void Keep(Guid providerId, ClientList list)
    {
        lock (_gate)
        {
            if (_lists.Remove(providerId, out var old))
            {
                _bytes -= old.Utf8.Length;
            }
            if (list.Utf8.Length > CapacityBytes)
            {
                return;
            }
            foreach (var other in _lists.Keys.ToList())
            {
                if (_bytes + list.Utf8.Length <= CapacityBytes)
                {
                    break;
                }
                _bytes -= _lists[other].Utf8.Length;
                _lists.Remove(other);
            }
            _lists[providerId] = list;
            _bytes += list.Utf8.Length;
        }
    }

    /// <summary>The entries, written as the response would write them, back to back, with where each one's user id goes.</summary>
    ClientList Serialize(Guid revision, List<ProfileOrganizationResponse> entries)
    {
        var written = entries.ConvertAll(e => JsonSerializer.SerializeToUtf8Bytes(e, json.Value.SerializerOptions));
        var utf8 = new byte[written.Sum(e => e.Length)];
        var starts = new int[written.Count + 1];
        var userIds = new int[written.Count];
        for (var i = 0; i < written.Count; i++)
        {
            written[i].CopyTo(utf8, starts[i]);
            var property = written[i].AsSpan().IndexOf(UserIdProperty);
            if (property < 0)
            {
                throw new InvalidOperationException("A provider client entry has no user id.");
            }
            userIds[i] = property + UserIdProperty.Length;
            starts[i + 1] = starts[i] + written[i].Length;
        }
        return new ClientList(revision, utf8, starts, userIds);
    }
}

/// <summary>One provider's entries at one revision: their UTF-8 JSON back to back, with a placeholder user id in each.</summary>
/// <param name="Starts">Where each entry begins, and where the last one ends.</param>
/// <param name="UserIds">Where, inside each entry, the 36 characters of its user id go.</param>
public sealed record ClientList(Guid Revision, byte[] Utf8, int[] Starts, int[] UserIds);

/// <summary>
/// The caller's provider client entries as the response writes them: each copied with the caller's id filled in.
/// The serializer writes each value before asking for the next, so one buffer serves the whole enumeration.
/// </summary>
public sealed class ProviderClientEntries(IReadOnlyList<ClientList> lists, Guid userId) : IEnumerable<RawJson>
{
    public static readonly ProviderClientEntries None = new([], Guid.Empty);

    const int GuidLength = 36;

    public IEnumerator<RawJson> GetEnumerator()
    {
        var id = new byte[GuidLength];
        Utf8Formatter.TryFormat(userId, id, out _);
        var scratch = Array.Empty<byte>();
        foreach (var list in lists)
        {
            for (var i = 0; i < list.UserIds.Length; i++)
            {
                var length = list.Starts[i + 1] - list.Starts[i];
                if (scratch.Length < length)
                {
                    scratch = new byte[Math.Max(length, 4096)];
                }
                list.Utf8.AsSpan(list.Starts[i], length).CopyTo(scratch);
                id.CopyTo(scratch.AsSpan(list.UserIds[i]));
                yield return new RawJson(scratch.AsMemory(0, length));
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
