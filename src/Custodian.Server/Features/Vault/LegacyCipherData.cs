using System.Text.Json;
using System.Text.Json.Nodes;

namespace Custodian.Server.Features.Vault;

/// <summary>
/// An item's <c>data</c> as Bitwarden returns it: a JSON string of the stored type data, PascalCase, nulls left
/// out, with the type's fields beside <c>Name</c>, <c>Notes</c>, <c>Fields</c> and <c>PasswordHistory</c> (and a
/// login's first URI as <c>Uri</c>). Some third-party clients read the item from it. The official apps read the
/// typed fields and only carry <c>data</c> along, so they are not sent it: it would double every sync body.
/// </summary>
public static class LegacyCipherData
{
    /// <summary>The official apps name themselves in <c>Bitwarden-Client-Name</c> (cli, web, browser, desktop, mobile).</summary>
    public static bool WantedBy(Infrastructure.Security.CurrentUser caller) => string.IsNullOrEmpty(caller.ClientName);

    /// <summary>The JSON string literal (quoted, escaped) for a stored row of <paramref name="type"/>.</summary>
    public static string Literal(CipherType type, string stored) => JsonSerializer.Serialize(Compose(type, stored));

    public static string Compose(CipherType type, string stored)
    {
        var row = JsonNode.Parse(stored)!.AsObject();
        var result = new JsonObject();
        var typeKey = type switch
        {
            CipherType.Login => "login", CipherType.SecureNote => "secureNote", CipherType.Card => "card",
            CipherType.Identity => "identity", CipherType.SshKey => "sshKey", CipherType.BankAccount => "bankAccount",
            CipherType.DriversLicense => "driversLicense", CipherType.Passport => "passport", _ => null,
        };
        if (typeKey is not null && row[typeKey] is JsonObject typed)
        {
            foreach (var (name, value) in typed)
            {
                Put(result, name, value);
            }
            if (typed["uris"] is JsonArray { Count: > 0 } uris && uris[0]?["uri"] is { } first)
            {
                result["Uri"] = first.DeepClone();
            }
        }
        foreach (var name in new[] { "name", "notes", "fields", "passwordHistory" })
        {
            Put(result, name, row[name]);
        }
        return result.ToJsonString();
    }

    static void Put(JsonObject target, string name, JsonNode? value)
    {
        if (value is not null)
        {
            target[char.ToUpperInvariant(name[0]) + name[1..]] = Pascal(value);
        }
    }

    static JsonNode Pascal(JsonNode value)
    {
        switch (value)
        {
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (name, inner) in obj)
                {
                    Put(copy, name, inner);
                }
                return copy;
            case JsonArray array:
                return new JsonArray([.. array.Select(item => item is null ? null : Pascal(item))]);
            default:
                return value.DeepClone();
        }
    }
}
