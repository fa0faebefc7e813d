using System.Text.Json;
using System.Text.Json.Serialization;

namespace Custodian.Server.Features.Scim;

/// <summary>RFC 7643/7644 shapes as Bitwarden's SCIM service writes them (and Entra ID and Okta read them).</summary>
public static class ScimSchemas
{
    public const string User = "urn:ietf:params:scim:schemas:core:2.0:User";
    public const string Group = "urn:ietf:params:scim:schemas:core:2.0:Group";
    public const string ListResponse = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    public const string Error = "urn:ietf:params:scim:api:messages:2.0:Error";
    public const string PatchOp = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    public const string ServiceProviderConfig = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
    public const string ResourceType = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";
    public const string Schema = "urn:ietf:params:scim:schemas:core:2.0:Schema";
}

/// <summary>RFC 7644 §3.12; <c>scimType</c> names the kind of 400 (invalidSyntax, invalidPath, invalidValue, uniqueness…).</summary>
public sealed record ScimError(int Status, string Detail,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ScimType = null)
{
    public string[] Schemas { get; } = [ScimSchemas.Error];
}

public sealed record ScimList<T>(int TotalResults, int StartIndex, int ItemsPerPage,
    [property: JsonPropertyName("Resources")] IReadOnlyList<T> Resources)
{
    public string[] Schemas { get; } = [ScimSchemas.ListResponse];
}

public sealed record ScimMeta(string ResourceType);

public sealed record ScimEmail(bool Primary, string Value, string Type = "work");

public sealed record ScimName(string? Formatted);

public sealed record ScimUserResponse(Guid Id, string? ExternalId, string UserName, string? DisplayName, ScimName Name,
    IReadOnlyList<ScimEmail> Emails, bool Active, IReadOnlyList<object> Groups, ScimMeta Meta)
{
    public string[] Schemas { get; } = [ScimSchemas.User];
}

public sealed record ScimGroupResponse(Guid Id, string DisplayName, string? ExternalId, ScimMeta Meta)
{
    public string[] Schemas { get; } = [ScimSchemas.Group];
}

/// <summary>What Entra ID and Okta post for a user; only the fields Custodian keeps are read, the rest is ignored.</summary>
public sealed record ScimUserRequest(string? UserName, string? ExternalId, string? DisplayName, IReadOnlyList<ScimEmailRequest>? Emails,
    JsonElement? Active);

public sealed record ScimEmailRequest(string? Value, bool? Primary, string? Type);

public sealed record ScimGroupRequest(string? DisplayName, string? ExternalId, IReadOnlyList<ScimMemberRef>? Members);

public sealed record ScimMemberRef(string? Value);

public sealed record ScimPatchRequest(IReadOnlyList<ScimPatchOperation>? Operations);

/// <summary>One PATCH operation: Entra writes <c>Replace</c> and booleans as "False"; Okta lowercase and real booleans.</summary>
public sealed record ScimPatchOperation(string? Op, string? Path, JsonElement? Value);

public static class ScimValues
{
    /// <summary>A SCIM boolean as either IdP sends it: <c>false</c> or <c>"False"</c>.</summary>
    public static bool? Bool(JsonElement? value) => value?.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String when bool.TryParse(value.Value.GetString(), out var b) => b,
        _ => null,
    };
}
