using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Custodian.Bench;

/// <summary>
/// What a measured response is checked against, cheaply enough to check every one: a SHA-256 of the bytes the
/// native floor wrote from the database (a sync's items, a client page's body), or the values the database
/// gives for one field of each listed row (ids, event dates).
/// </summary>
public static class ResponseCheck
{
    static readonly byte[] ItemsStart = "\"ciphers\":["u8.ToArray();
    static readonly byte[] ItemsEnd = "],\"domains\":"u8.ToArray();

    /// <summary>
    /// SHA-256 of a sync body's <c>ciphers</c> array, from its <c>[</c> to its <c>]</c>, hashed as it streams in.
    /// The two markers cannot occur inside an item: every quote in a stored value is escaped.
    /// </summary>
    public static async Task<byte[]?> HashSyncItemsAsync(Stream body, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferBytes);
        try
        {
            var have = await SkipToItemsAsync(body, buffer, ct);
            while (have >= 0)
            {
                var work = buffer.AsSpan(0, have);
                var end = work.IndexOf(ItemsEnd);
                if (end >= 0)
                {
                    hash.AppendData(work[..(end + 1)]);
                    // The rest of the body is not checked, but it is read, as a client reads it.
                    await body.CopyToAsync(Stream.Null, ct);
                    return hash.GetHashAndReset();
                }
                // The last bytes might begin the end marker: hashed only once the next read shows they do not.
                var held = Math.Min(work.Length, ItemsEnd.Length - 1);
                hash.AppendData(work[..^held]);
                var carry = Keep(buffer, work, held);
                var read = await body.ReadAsync(buffer.AsMemory(carry), ct);
                have = read == 0 ? -1 : carry + read;
            }
            return null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// The <c>id</c> of each item in a sync body's <c>ciphers</c> array, in order, read as the body streams in. Only
    /// the array is parsed, token by token: the profile before it (a provider user's lists every client) is only
    /// searched for the marker, never held whole.
    /// </summary>
    public static async Task<List<Guid>?> SyncItemIdsAsync(Stream body, CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferBytes);
        try
        {
            var have = await SkipToItemsAsync(body, buffer, ct);
            var ids = new List<Guid>();
            var state = new JsonReaderState();
            var idNext = false;
            while (have >= 0)
            {
                if (ReadItemIds(buffer.AsSpan(0, have), ref state, ref idNext, ids, out var consumed))
                {
                    await body.CopyToAsync(Stream.Null, ct);   // read to its end, as a client reads it
                    return ids;
                }
                var rest = have - consumed;
                if (rest == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);   // one token longer than the buffer
                    buffer.AsSpan(0, rest).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
                else
                {
                    buffer.AsSpan(consumed, rest).CopyTo(buffer);
                }
                var read = await body.ReadAsync(buffer.AsMemory(rest), ct);
                have = read == 0 ? -1 : rest + read;
            }
            return null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads the array's tokens in <paramref name="data"/>; true once its end is read.</summary>
    static bool ReadItemIds(ReadOnlySpan<byte> data, ref JsonReaderState state, ref bool idNext, List<Guid> ids, out int consumed)
    {
        var reader = new Utf8JsonReader(data, isFinalBlock: false, state);
        try
        {
            while (reader.Read())
            {
                if (idNext)
                {
                    ids.Add(reader.GetGuid());
                    idNext = false;
                }
                else if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 2 && reader.ValueTextEquals("id"u8))
                {
                    idNext = true;   // an item's own id (the array is depth 0, its items 1)
                }
                else if (reader.TokenType == JsonTokenType.EndArray && reader.CurrentDepth == 0)
                {
                    consumed = (int)reader.BytesConsumed;
                    return true;
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
        {
            throw new BenchFailure($"sync items unreadable: {ex.Message}");
        }
        consumed = (int)reader.BytesConsumed;
        state = reader.CurrentState;
        return false;
    }

    const int BufferBytes = 128 * 1024;

    /// <summary>
    /// Reads the body up to its <c>ciphers</c> array and leaves the bytes from the array's <c>[</c> on at the start of
    /// <paramref name="buffer"/>: their count, or -1 if the body ends first.
    /// </summary>
    static async Task<int> SkipToItemsAsync(Stream body, byte[] buffer, CancellationToken ct)
    {
        var carry = 0;
        while (true)
        {
            var read = await body.ReadAsync(buffer.AsMemory(carry), ct);
            if (read == 0)
            {
                return -1;
            }
            var work = buffer.AsSpan(0, carry + read);
            var start = work.IndexOf(ItemsStart);
            if (start >= 0)
            {
                var from = start + ItemsStart.Length - 1;
                work[from..].CopyTo(buffer);
                return work.Length - from;
            }
            carry = Keep(buffer, work, ItemsStart.Length - 1);
        }
    }

    /// <summary>Moves the last <paramref name="count"/> bytes of <paramref name="work"/> to the buffer's start.</summary>
    static int Keep(byte[] buffer, ReadOnlySpan<byte> work, int count)
    {
        count = Math.Min(count, work.Length);
        work[^count..].CopyTo(buffer);
        return count;
    }

    public static string Hex(byte[] hash) => Convert.ToHexStringLower(hash);

    /// <summary>
    /// The values of <paramref name="property"/> of each object in the body's top-level <c>data</c> array, as
    /// text (dates as UTC ticks, so that the database's and the response's spellings compare).
    /// </summary>
    public static List<string> ListValues(ReadOnlySpan<byte> body, string property)
    {
        var values = new List<string>();
        var reader = new Utf8JsonReader(body);
        var inData = false;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
            {
                inData = reader.ValueTextEquals("data");
            }
            else if (inData && reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 3 && reader.ValueTextEquals(property))
            {
                reader.Read();
                values.Add(reader.TryGetDateTime(out var date) && property == "date"
                    ? Ticks(date)
                    : reader.GetString() ?? "");
            }
        }
        return values;
    }

    public static string Ticks(DateTime date) =>
        (date.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(date, DateTimeKind.Utc) : date.ToUniversalTime()).Ticks.ToString(CultureInfo.InvariantCulture);

    /// <summary>A failure naming the first difference, for the log.</summary>
    public static void Same(IReadOnlyList<string> expected, IReadOnlyList<string> actual, string what)
    {
        if (expected.SequenceEqual(actual))
        {
            return;
        }
        var at = Enumerable.Range(0, Math.Min(expected.Count, actual.Count)).FirstOrDefault(i => expected[i] != actual[i], Math.Min(expected.Count, actual.Count));
        var text = new StringBuilder($"{what}: {actual.Count} rows, expected {expected.Count}; first difference at row {at}");
        if (at < expected.Count && at < actual.Count)
        {
            text.Append(CultureInfo.InvariantCulture, $" ({actual[at]} instead of {expected[at]})");
        }
        throw new BenchFailure(text.ToString());
    }
}
