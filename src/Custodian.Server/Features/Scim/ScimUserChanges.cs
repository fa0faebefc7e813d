using System.ComponentModel.DataAnnotations;
using System.Text.Json;

namespace Custodian.Server.Features.Scim;

/// <summary>
/// What a PUT or PATCH of a SCIM user asks of the member: active, the external id, the address. A member keeps no
/// directory name, so <c>name</c>, <c>displayName</c>, <c>title</c> and the enterprise extension are read and left,
/// as Bitwarden's SCIM service does; every value the member does keep is checked before anything changes.
/// </summary>
public sealed record ScimUserChanges(bool? Active, string? Email, string? ExternalId, bool RemoveExternalId)
{
    public const int MaxExternalId = 300;

    public static ScimUserChanges From(ScimUserRequest request) => new(
        ScimValues.Bool(request.Active),
        PrimaryEmail(request.Emails) ?? UserNameEmail(request.UserName),
        string.IsNullOrWhiteSpace(request.ExternalId) || request.ExternalId.Length > MaxExternalId ? null : request.ExternalId,
        false);

    public static ScimUserChanges From(IEnumerable<ScimChange> changes)
    {
        var result = new ScimUserChanges(null, null, null, false);
        foreach (var change in changes)
        {
            result = change switch
            {
                { Op: "remove" } when change.Is("externalId") => result with { ExternalId = null, RemoveExternalId = true },
                { Op: "remove" } => result,
                _ when change.Is("active") => result with
                {
                    Active = ScimValues.Bool(change.Value) ?? throw new ScimException("invalidValue", "\"active\" needs true or false."),
                },
                _ when change.Is("externalId") => result with { ExternalId = ScimPatch.Text(change, MaxExternalId), RemoveExternalId = false },
                _ when change.Is("userName") => result with { Email = UserNameEmail(ScimPatch.Text(change, 256)) ?? result.Email },
                _ when change.Is("emails[type eq \"work\"].value") => result with { Email = Address(ScimPatch.Text(change, 256)) },
                _ when change.Is("emails") => result with { Email = PrimaryEmail(Emails(change.Value)) },
                _ => result,
            };
        }
        return result;
    }

    static IReadOnlyList<ScimEmailRequest> Emails(JsonElement? value)
    {
        try
        {
            return value?.ValueKind == JsonValueKind.Array ? value.Value.Deserialize<List<ScimEmailRequest>>(ScimJson.Options) ?? []
                : throw new ScimException("invalidValue", "\"emails\" needs a list of {\"value\", \"primary\", \"type\"}.");
        }
        catch (JsonException)
        {
            throw new ScimException("invalidValue", "\"emails\" needs a list of {\"value\", \"primary\", \"type\"}.");
        }
    }

    static string? PrimaryEmail(IReadOnlyList<ScimEmailRequest>? emails) =>
        Address((emails?.FirstOrDefault(e => e.Primary == true) ?? emails?.FirstOrDefault())?.Value);

    /// <summary>Okta's user name may be a login such as "jdoe" rather than an address: then it says nothing about the address.</summary>
    static string? UserNameEmail(string? value) =>
        value?.Trim().ToLowerInvariant() is { Length: > 0 and <= 256 } email && new EmailAddressAttribute().IsValid(email) ? email : null;

    static string? Address(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        var email when email.Length <= 256 && new EmailAddressAttribute().IsValid(email) => email,
        _ => throw new ScimException("invalidValue", "The user name and emails must be email addresses."),
    };
}

static class ScimJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
