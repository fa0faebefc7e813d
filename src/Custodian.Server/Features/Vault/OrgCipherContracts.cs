using System.ComponentModel.DataAnnotations;
using Custodian.Server.Infrastructure.Http;

namespace Custodian.Server.Features.Vault;

/// <summary><c>PUT /ciphers/{id}/share</c>: the item re-encrypted under the org key, and its collections.</summary>
public sealed record CipherShareRequest([property: Required] CipherRequest Cipher, [property: Required] IReadOnlyList<Guid> CollectionIds) : IRequestModel;

public sealed record CipherBulkShareRequest(
    /// <summary>Each carries the personal item's <c>id</c> inline (Bitwarden's <c>CipherWithIdRequestModel</c>).</summary>
    [property: Required, MaxLength(500)] IReadOnlyList<CipherRequest> Ciphers,
    [property: Required] IReadOnlyList<Guid> CollectionIds) : IRequestModel;

public sealed record CipherCollectionsRequest([property: Required] IReadOnlyList<Guid> CollectionIds) : IRequestModel;

/// <summary>The answer of <c>collections_v2</c>: the item, or <c>unavailable</c> when the caller no longer reaches it.</summary>
public sealed record OptionalCipherResponse(bool Unavailable, CipherResponse? Cipher) : ResponseModel("optionalCipherDetails");
