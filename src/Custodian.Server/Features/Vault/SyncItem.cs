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
}

sealed class SyncItemConverter : JsonConverter<SyncItem>
{
    /// <summary>The stored fields, in the order <see cref="CipherResponse"/> writes them.</summary>
    static readonly string[] StoredFields =
        ["data", "name", "notes", "login", "card", "identity", "secureNote", "sshKey", "bankAccount", "driversLicense", "passport", "fields", "passwordHistory"];
    static readonly JsonEncodedText[] StoredNames = [.. StoredFields.Select(f => JsonEncodedText.Encode(f))];
    static readonly byte[][] StoredUtf8 = [.. StoredFields.Select(Encoding.UTF8.GetBytes)];

    public override SyncItem Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Sync items are written, never read.");

    public override void Write(Utf8JsonWriter writer, SyncItem item, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("object", "cipherDetails");
        writer.WriteString("id", item.Id);
        WriteGuid(writer, "organizationId", item.OrganizationId);
        writer.WriteNumber("type", (int)item.Type);
        WriteStored(writer, item.Data);
        writer.WritePropertyName("attachments");
        if (item.Attachments is { Count: > 0 } attachments)
        {
            JsonSerializer.Serialize(writer, attachments, options);
        }
        else
        {
            writer.WriteNullValue();
        }
        writer.WriteBoolean("organizationUseTotp", item.OrganizationUseTotp);
        writer.WriteString("revisionDate", item.RevisionDate);
        writer.WriteString("creationDate", item.CreationDate);
        WriteDate(writer, "deletedDate", item.DeletedDate);
        WriteDate(writer, "archivedDate", item.ArchivedDate);
        writer.WriteNumber("reprompt", (int)item.Reprompt);
        writer.WriteString("key", item.Key);
        WriteGuid(writer, "folderId", item.FolderId);
        writer.WriteBoolean("favorite", item.Favorite);
        writer.WriteBoolean("edit", item.Access.Edit);
        writer.WriteBoolean("viewPassword", item.Access.ViewPassword);
        writer.WriteStartObject("permissions");
        writer.WriteBoolean("delete", item.Access.Delete);
        writer.WriteBoolean("restore", item.Access.Restore);
        writer.WriteEndObject();
        writer.WriteStartArray("collectionIds");
        foreach (var id in item.CollectionIds)
        {
            writer.WriteStringValue(id);
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>
    /// Copies each top-level value of the stored JSON raw (the server wrote it with the wire options), through a
    /// pooled buffer so that 5,000 items leave no garbage but the row strings themselves.
    /// </summary>
    static void WriteStored(Utf8JsonWriter writer, string stored)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(stored.Length));
        try
        {
            var utf8 = buffer.AsSpan(0, Encoding.UTF8.GetBytes(stored, buffer));
            Span<int> starts = stackalloc int[StoredFields.Length];
            Span<int> lengths = stackalloc int[StoredFields.Length];
            var reader = new Utf8JsonReader(utf8);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new JsonException("Stored item JSON is not an object.");
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var slot = SlotOf(ref reader);
                reader.Read();
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                if (slot >= 0)
                {
                    starts[slot] = start;
                    lengths[slot] = (int)reader.BytesConsumed - start;
                }
            }
            for (var i = 0; i < StoredFields.Length; i++)
            {
                writer.WritePropertyName(StoredNames[i]);
                if (lengths[i] > 0)
                {
                    writer.WriteRawValue(utf8.Slice(starts[i], lengths[i]), skipInputValidation: true);
                }
                else
                {
                    writer.WriteNullValue();
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    static int SlotOf(ref Utf8JsonReader reader)
    {
        for (var i = 0; i < StoredUtf8.Length; i++)
        {
            if (reader.ValueTextEquals(StoredUtf8[i]))
            {
                return i;
            }
        }
        return -1;
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
