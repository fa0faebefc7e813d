using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Custodian.Server.Infrastructure.Http;

namespace Custodian.Server.Features.Vault;

/// <summary>
/// One item as sync and the item list stream it: the row and the caller's state, read in one query, then the
/// rights and collections the rules give. Written as Bitwarden's <c>CipherDetailsResponseModel</c>, the same
/// names, order and values as <see cref="CipherResponse"/>, without building one per item (bench/README.md).
/// </summary>
[JsonConverter(typeof(SyncItemConverter))]
public sealed class SyncItem
{
    public Guid Id { get; init; }
    public Guid? OrganizationId { get; init; }
    public CipherType Type { get; init; }
    /// <summary>The stored <see cref="CipherData"/> JSON, copied to the response field by field.</summary>
    public required string Data { get; init; }
    public string? Key { get; init; }
    public CipherRepromptType Reprompt { get; init; }
    public DateTime CreationDate { get; init; }
    public DateTime RevisionDate { get; init; }
    public DateTime? DeletedDate { get; init; }
    public Guid? FolderId { get; init; }
    public bool Favorite { get; init; }
    public DateTime? ArchivedDate { get; init; }

    public CipherAccess Access { get; set; } = CipherMapper.FullAccess;
    public IReadOnlyList<Guid> CollectionIds { get; set; } = [];
    public List<AttachmentResponse>? Attachments { get; set; }
    public bool OrganizationUseTotp { get; set; }
    /// <summary>Fill an empty <c>data</c> with Bitwarden's legacy string (<see cref="LegacyCipherData"/>).</summary>
    public bool LegacyData { get; set; }
}

sealed class SyncItemConverter : JsonConverter<SyncItem>
{
    /// <summary>How every stored row begins: <see cref="CipherData"/>'s first property, as its serializer writes it.</summary>
    const string StoredStart = "{\"name\":";

    /// <summary>The item being written; one per thread, since a converter's Write never awaits.</summary>
    [ThreadStatic]
    static ArrayBufferWriter<byte>? t_scratch;
    [ThreadStatic]
    static Utf8JsonWriter? t_writer;

    public override SyncItem Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Sync items are written, never read.");

    /// <summary>
    /// Composes the item in a scratch buffer and hands it to the response as one raw value. The stored fields are
    /// <see cref="CipherData"/>'s properties in its own order, nulls included, which is where
    /// <see cref="CipherResponse"/> puts them too; so the stored object's inside is copied as it is, with no parse.
    /// Scanning each item's JSON for its fields took 7 of the 67 ms of a 5,000-item sync (bench/README.md).
    /// </summary>
    public override void Write(Utf8JsonWriter writer, SyncItem item, JsonSerializerOptions options)
    {
        var scratch = t_scratch ??= new ArrayBufferWriter<byte>(16 * 1024);
        var json = t_writer ??= new Utf8JsonWriter(scratch, new JsonWriterOptions { Encoder = options.Encoder, SkipValidation = true });
        scratch.ResetWrittenCount();
        json.Reset(scratch);
        json.WriteStartObject();
        json.WriteString("object", "cipherDetails");
        json.WriteString("id", item.Id);
        WriteGuid(json, "organizationId", item.OrganizationId);
        json.WriteNumber("type", (int)item.Type);
        json.Flush();
        AppendStoredFields(scratch, item.LegacyData ? WithLegacyData(item) : item.Data);
        json.WritePropertyName("attachments");
        if (item.Attachments is { Count: > 0 } attachments)
        {
            JsonSerializer.Serialize(json, attachments, options);
        }
        else
        {
            json.WriteNullValue();
        }
        json.WriteBoolean("organizationUseTotp", item.OrganizationUseTotp);
        json.WriteString("revisionDate", item.RevisionDate);
        json.WriteString("creationDate", item.CreationDate);
        WriteDate(json, "deletedDate", item.DeletedDate);
        WriteDate(json, "archivedDate", item.ArchivedDate);
        json.WriteNumber("reprompt", (int)item.Reprompt);
        json.WriteString("key", item.Key);
        WriteGuid(json, "folderId", item.FolderId);
        json.WriteBoolean("favorite", item.Favorite);
        json.WriteBoolean("edit", item.Access.Edit);
        json.WriteBoolean("viewPassword", item.Access.ViewPassword);
        json.WriteStartObject("permissions");
        json.WriteBoolean("delete", item.Access.Delete);
        json.WriteBoolean("restore", item.Access.Restore);
        json.WriteEndObject();
        json.WriteStartArray("collectionIds");
        foreach (var id in item.CollectionIds)
        {
            json.WriteStringValue(id);
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        writer.WriteRawValue(scratch.WrittenSpan, skipInputValidation: true);
        if (scratch.Capacity > 1024 * 1024)
        {
            // An item with huge notes should not keep a megabyte per thread alive.
            t_scratch = null;
            t_writer = null;
        }
    }

    /// <summary>
    /// Appends <c>,"name":…,"data":…</c>, the stored object without its braces, after the last value the writer
    /// flushed; the writer then goes on with a comma, as after any value. Every row is written by
    /// <see cref="CipherData.Serialize"/>; one that does not begin as it writes is brought to that shape first.
    /// </summary>
    static void AppendStoredFields(ArrayBufferWriter<byte> scratch, string stored)
    {
        if (!stored.StartsWith(StoredStart, StringComparison.Ordinal) || !stored.EndsWith('}'))
        {
            stored = CipherData.Deserialize(stored).Serialize();
        }
        var inside = stored.AsSpan(1, stored.Length - 2);
        var span = scratch.GetSpan(Encoding.UTF8.GetMaxByteCount(inside.Length) + 1);
        span[0] = (byte)',';
        scratch.Advance(1 + Encoding.UTF8.GetBytes(inside, span[1..]));
    }

    /// <summary>Every row ends with the client's <c>data</c>; an empty one takes the legacy string instead.</summary>
    static string WithLegacyData(SyncItem item)
    {
        const string Empty = ",\"data\":null}";
        return item.Data.EndsWith(Empty, StringComparison.Ordinal)
            ? string.Concat(item.Data.AsSpan(0, item.Data.Length - 5), LegacyCipherData.Literal(item.Type, item.Data), "}")
            : item.Data;
    }

    static void WriteGuid(Utf8JsonWriter writer, string name, Guid? value)
    {
        if (value is { } id)
        {
            writer.WriteString(name, id);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    static void WriteDate(Utf8JsonWriter writer, string name, DateTime? value)
    {
        if (value is { } date)
        {
            writer.WriteString(name, date);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
