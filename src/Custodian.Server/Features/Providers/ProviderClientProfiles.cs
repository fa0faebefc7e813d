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
                    await ProfileOrganizationResponse.ForProviderClientsAsync(db, provider.Id, userId: Guid.Empty, ct), json.Value.SerializerOptions);
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

    /// <summary>
    /// The entries as the response would write them, comma-separated, cut into runs of whole entries of about
    /// <see cref="RunBytes"/>, with where each user id goes.
    /// </summary>
    internal static ClientList Serialize(Guid revision, List<ProfileOrganizationResponse> entries, JsonSerializerOptions options,
        int runBytes = RunBytes)
    {
        var written = entries.ConvertAll(e => JsonSerializer.SerializeToUtf8Bytes(e, options));
        var utf8 = new byte[written.Sum(e => e.Length + 1)];
        var runs = new List<int> { 0 };
        var userIds = new int[written.Count];
        var at = 0;
        for (var i = 0; i < written.Count; i++)
        {
            if (i > 0)
            {
                utf8[at++] = (byte)',';
                if (at - 1 - runs[^1] >= runBytes)
                {
                    runs.Add(at);   // the run before ends at this comma, which the writer puts back
                }
            }
            var property = written[i].AsSpan().IndexOf(UserIdProperty);
            if (property < 0)
            {
                throw new InvalidOperationException("A provider client entry has no user id.");
            }
            userIds[i] = at + property + UserIdProperty.Length;
            written[i].CopyTo(utf8, at);
            at += written[i].Length;
        }
        return new ClientList(revision, utf8.AsMemory(0, at), written.Count == 0 ? [] : [.. runs, at + 1], userIds);
    }

    /// <summary>Big enough that per-value costs vanish, small enough for the response to flush between runs.</summary>
    internal const int RunBytes = 32 * 1024;
}

/// <summary>One provider's entries at one revision: their UTF-8 JSON, comma-separated, with a placeholder user id in each.</summary>
/// <param name="Runs">Where each run of whole entries begins, and one past the end of the last (as if a comma followed).</param>
/// <param name="UserIds">Where, in <paramref name="Utf8"/>, the 36 characters of each entry's user id go, in order.</param>
public sealed record ClientList(Guid Revision, ReadOnlyMemory<byte> Utf8, int[] Runs, int[] UserIds);

/// <summary>
/// The caller's provider client entries as the response writes them, the caller's id filled in. Each value is a run
/// of whole entries with commas between them, not one entry: the writer puts a comma before each value and copies
/// it as it is, so the array it writes holds the entries one by one, the same bytes as a list of them would give,
/// with a few dozen writes instead of one per client. The serializer writes each value before asking for the next,
/// so one buffer serves the whole enumeration.
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
            var entry = 0;
            for (var run = 0; run + 1 < list.Runs.Length; run++)
            {
                var (start, end) = (list.Runs[run], list.Runs[run + 1] - 1);
                if (scratch.Length < end - start)
                {
                    scratch = new byte[Math.Max(end - start, ProviderClientProfiles.RunBytes + 4096)];
                }
                list.Utf8.Span[start..end].CopyTo(scratch);
                for (; entry < list.UserIds.Length && list.UserIds[entry] < end; entry++)
                {
                    id.CopyTo(scratch.AsSpan(list.UserIds[entry] - start));
                }
                yield return new RawJson(scratch.AsMemory(0, end - start));
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
