using System.ComponentModel.DataAnnotations;
using Custodian.Server.Infrastructure.Http;

namespace Custodian.Server.Features.Vault;

/// <summary>Bitwarden caps bulk requests at 500 ids.</summary>
public sealed record CipherIdsRequest([property: Required, MaxLength(500)] IReadOnlyList<Guid> Ids) : IRequestModel;

public sealed record CipherMoveRequest([property: Required, MaxLength(500)] IReadOnlyList<Guid> Ids, string? FolderId) : IRequestModel;

public sealed record CipherPartialRequest(string? FolderId, bool Favorite) : IRequestModel;

/// <summary><c>POST /api/ciphers/create</c>: a cipher plus the collections it goes into.</summary>
public sealed record CipherCreateRequest([property: Required] CipherRequest Cipher, IReadOnlyList<Guid>? CollectionIds) : IRequestModel;
