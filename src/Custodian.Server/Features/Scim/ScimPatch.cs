using System.Text.Json;
using Custodian.Server.Infrastructure.Http;

namespace Custodian.Server.Features.Scim;

/// <summary>A SCIM 400 with its <c>scimType</c> (RFC 7644 §3.12), turned into a SCIM error body by the SCIM filter.</summary>
public sealed class ScimException(string scimType, string detail, int status = 400) : ApiException(status, detail)
{
    public string ScimType { get; } = scimType;
}

/// <summary>One change of a PATCH: the operation (add, remove, replace), the attribute path and its value.</summary>
public sealed record ScimChange(string Op, string Path, JsonElement? Value)
{
    public bool Is(string path) => Path.Equals(path, StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// RFC 7644 §3.5.2 operations flattened into one change per attribute, whichever way the IdP writes them: with a
/// <c>path</c> (Entra: <c>{"op":"Replace","path":"name.givenName","value":"Ada"}</c>) or without one and the attributes in
/// a value object (Okta: <c>{"op":"replace","value":{"active":false,"name":{…}}}</c>). The op is matched without case
/// (Entra capitalizes it); anything else is a SCIM 400, never a 500.
/// </summary>
public static class ScimPatch
{
    public static IReadOnlyList<ScimChange> Changes(ScimPatchRequest request)
    {
        if (request.Operations is not { Count: > 0 } operations)
        {
            throw new ScimException("invalidSyntax", "A PATCH needs Operations.");
        }
        var changes = new List<ScimChange>();
        foreach (var operation in operations)
        {
            var op = operation?.Op?.ToLowerInvariant();
            if (operation is null || op is not ("add" or "remove" or "replace"))
            {
                throw new ScimException("invalidSyntax", $"Unsupported operation \"{operation?.Op}\": use add, remove or replace.");
            }
            var path = operation.Path?.Trim();
            if (!string.IsNullOrEmpty(path))
            {
                if (path.Length > 500)
                {
                    throw new ScimException("invalidPath", "The path is too long.");
                }
                if (op != "remove" && operation.Value is null or { ValueKind: JsonValueKind.Undefined })
                {
                    throw new ScimException("invalidValue", $"The {op} of \"{path}\" needs a value.");
                }
                changes.Add(new ScimChange(op, path, operation.Value));
            }
            else if (op == "remove")
            {
                throw new ScimException("noTarget", "A remove needs a path.");
            }
            else if (operation.Value is { ValueKind: JsonValueKind.Object } attributes)
            {
                changes.AddRange(attributes.EnumerateObject().Select(a => new ScimChange(op, a.Name, a.Value)));
            }
            else
            {
                throw new ScimException("invalidValue", $"An {op} without a path needs an object of attributes as its value.");
            }
        }
        return changes;
    }

    /// <summary>A string value, or a SCIM 400 naming the attribute.</summary>
    public static string Text(ScimChange change, int maxLength) =>
        change.Value is { ValueKind: JsonValueKind.String } value && value.GetString() is { Length: > 0 } text && text.Length <= maxLength ? text
            : throw new ScimException("invalidValue", $"\"{change.Path}\" needs a text of at most {maxLength} characters.");

    /// <summary>Ids from <c>[{"value":"id"}]</c> (or one such object, as some IdPs send for a single member).</summary>
    public static IReadOnlyList<Guid> Ids(JsonElement? value) => value switch
    {
        { ValueKind: JsonValueKind.Array } array => [.. array.EnumerateArray().Select(Id)],
        { ValueKind: JsonValueKind.Object } one => [Id(one)],
        _ => throw new ScimException("invalidValue", "Members must be a list of {\"value\": id}."),
    };

    static Guid Id(JsonElement reference) =>
        reference.ValueKind == JsonValueKind.Object && reference.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String
            && Guid.TryParse(v.GetString(), out var id) ? id
            : throw new ScimException("invalidValue", "Member values must be user ids.");

    /// <summary>The id in an Okta/Entra filter path such as <c>members[value eq "id"]</c>, or null for another path.</summary>
    public static Guid? FilteredMember(string path)
    {
        if (!path.StartsWith("members[", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var match = ScimUserEndpoints.EqualsFilter().Match(path[8..].TrimEnd(']'));
        return match.Success && match.Groups[1].Value.Equals("value", StringComparison.OrdinalIgnoreCase) && Guid.TryParse(match.Groups[2].Value, out var id)
            ? id : throw new ScimException("invalidFilter", "Only members[value eq \"id\"] is supported.");
    }
}
