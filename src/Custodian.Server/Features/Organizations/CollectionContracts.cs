using System.ComponentModel.DataAnnotations;
using Custodian.Server.Infrastructure.Http;

namespace Custodian.Server.Features.Organizations;

/// <summary>A member's or group's access to a collection, as clients send and read it.</summary>
public sealed record AccessSelection(Guid Id, bool ReadOnly, bool HidePasswords, bool Manage);

public sealed record CollectionRequest(
    [property: Required, EncryptedString, EncryptedStringLength(1000)] string Name,
    [property: StringLength(300)] string? ExternalId,
    [property: MaxLength(2000)] IReadOnlyList<AccessSelection>? Groups,
    [property: MaxLength(2000)] IReadOnlyList<AccessSelection>? Users) : IRequestModel;

/// <summary><c>PUT …/collections/{id}</c>: like create, but a null name keeps the old one.</summary>
public sealed record CollectionUpdateRequest(
    [property: EncryptedString, EncryptedStringLength(1000)] string? Name,
    [property: StringLength(300)] string? ExternalId,
    [property: MaxLength(2000)] IReadOnlyList<AccessSelection>? Groups,
    [property: MaxLength(2000)] IReadOnlyList<AccessSelection>? Users) : IRequestModel;

public sealed record CollectionBulkAccessRequest(
    [property: Required, MaxLength(500)] IReadOnlyList<Guid> CollectionIds,
    [property: MaxLength(2000)] IReadOnlyList<AccessSelection>? Groups,
    [property: MaxLength(2000)] IReadOnlyList<AccessSelection>? Users) : IRequestModel;

public sealed record CollectionIdsRequest([property: Required, MaxLength(500)] IReadOnlyList<Guid> Ids) : IRequestModel;

public sealed record CollectionResponse(Guid Id, Guid OrganizationId, string Name, string? ExternalId, CollectionType Type,
    string? DefaultUserCollectionEmail) : ResponseModel("collection")
{
    public static CollectionResponse From(Collection c) => new(c.Id, c.OrganizationId, c.Name, c.ExternalId, c.Type, null);
}

/// <summary>A collection as one member sees it (sync, <c>/api/collections</c>).</summary>
public sealed record CollectionDetailsResponse(Guid Id, Guid OrganizationId, string Name, string? ExternalId, CollectionType Type,
    string? DefaultUserCollectionEmail, bool ReadOnly, bool HidePasswords, bool Manage) : ResponseModel("collectionDetails");

/// <summary>The Admin Console's view: the caller's own access plus everyone's.</summary>
public sealed record CollectionAccessDetailsResponse(Guid Id, Guid OrganizationId, string Name, string? ExternalId, CollectionType Type,
    string? DefaultUserCollectionEmail, bool Assigned, bool ReadOnly, bool HidePasswords, bool Manage, bool Unmanaged,
    IReadOnlyList<AccessSelection> Groups, IReadOnlyList<AccessSelection> Users) : ResponseModel("collectionAccessDetails");
