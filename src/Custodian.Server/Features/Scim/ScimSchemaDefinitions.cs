using System.Text.Json.Serialization;

namespace Custodian.Server.Features.Scim;

/// <summary>RFC 7643 §7 attribute definition: the subset of the core schemas that a member or group keeps.</summary>
public sealed record ScimAttribute(string Name, string Type, bool MultiValued, string Description, bool Required, bool CaseExact,
    string Mutability, string Returned, string Uniqueness,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ScimAttribute>? SubAttributes = null);

public sealed record ScimSchemaDefinition(string Id, string Name, string Description, IReadOnlyList<ScimAttribute> Attributes, ScimLocatedMeta Meta)
{
    public string[] Schemas { get; } = [ScimSchemas.Schema];
}

/// <summary>
/// The User and Group schemas as this service reads and writes them. Attributes an IdP may send and the member does
/// not keep (name parts, title, the enterprise extension) are accepted and left, so they are not listed.
/// </summary>
public static class ScimSchemaDefinitions
{
    static ScimAttribute Text(string name, string description, bool required = false, string mutability = "readWrite", string uniqueness = "none") =>
        new(name, "string", false, description, required, false, mutability, "default", uniqueness);

    public static IReadOnlyList<ScimSchemaDefinition> All(string baseUrl) =>
    [
        new(ScimSchemas.User, "User", "A member of the organization.",
        [
            Text("userName", "The member's email address; an accepted member's is their account's and does not change.", required: true, uniqueness: "server"),
            Text("externalId", "The identity provider's id of the user.", uniqueness: "server"),
            Text("displayName", "The account's name.", mutability: "readOnly"),
            new("name", "complex", false, "The account's name.", false, false, "readOnly", "default", "none",
                [Text("formatted", "The full name.", mutability: "readOnly")]),
            new("emails", "complex", true, "The member's email address.", false, false, "readWrite", "default", "none",
            [
                Text("value", "The address."),
                Text("type", "\"work\"."),
                new("primary", "boolean", false, "Always the one address.", false, false, "readWrite", "default", "none"),
            ]),
            new("active", "boolean", false, "False revokes the member; true restores them.", false, false, "readWrite", "default", "none"),
        ], new ScimLocatedMeta("Schema", $"{baseUrl}/Schemas/{ScimSchemas.User}")),
        new(ScimSchemas.Group, "Group", "A group of the organization.",
        [
            Text("displayName", "The group's name.", required: true),
            Text("externalId", "The identity provider's id of the group."),
            new("members", "complex", true, "The group's members, by SCIM user id.", false, false, "readWrite", "default", "none",
                [Text("value", "The SCIM user id.", mutability: "immutable")]),
        ], new ScimLocatedMeta("Schema", $"{baseUrl}/Schemas/{ScimSchemas.Group}")),
    ];
}
