using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Custodian.Server.Infrastructure.Http;

/// <summary>
/// A JSON value the server stored itself (with <see cref="JsonDefaults"/>), written back to clients byte for
/// byte. Sync answers thousands of items: copying their stored ciphertext JSON instead of deserializing and
/// serializing it again is most of what separates sync from a plain database read (bench/README.md).
/// </summary>
[JsonConverter(typeof(RawJsonConverter))]
public sealed class RawJson(ReadOnlyMemory<byte> utf8)
{
    public ReadOnlyMemory<byte> Utf8 { get; } = utf8;

    /// <summary>The top-level properties of a stored JSON object, each as its raw value.</summary>
    public static Dictionary<string, RawJson> PropertiesOf(string storedObject)
    {
        var bytes = Encoding.UTF8.GetBytes(storedObject);
        var reader = new Utf8JsonReader(bytes);
        var properties = new Dictionary<string, RawJson>(StringComparer.Ordinal);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Stored JSON is not an object.");
        }
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            var start = (int)reader.TokenStartIndex;
            reader.Skip();
            properties[name] = new RawJson(bytes.AsMemory(start, (int)reader.BytesConsumed - start));
        }
        return properties;
    }
}

sealed class RawJsonConverter : JsonConverter<RawJson>
{
    public override RawJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return new RawJson(Encoding.UTF8.GetBytes(document.RootElement.GetRawText()));
    }

    public override void Write(Utf8JsonWriter writer, RawJson value, JsonSerializerOptions options) =>
        writer.WriteRawValue(value.Utf8.Span, skipInputValidation: true);
}
