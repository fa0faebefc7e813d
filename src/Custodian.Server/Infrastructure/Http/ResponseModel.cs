using System.Text.Json.Serialization;

namespace Custodian.Server.Infrastructure.Http;

/// <summary>Every Bitwarden response model carries an <c>object</c> discriminator, written first.</summary>
public abstract record ResponseModel([property: JsonPropertyOrder(-1)] string Object);

/// <summary>Bitwarden's list envelope: <c>{"object":"list","data":[…],"continuationToken":null}</c>.</summary>
public sealed record ListResponse<T>(IReadOnlyList<T> Data, string? ContinuationToken = null) : ResponseModel("list");

/// <summary>
/// The list envelope for lists of thousands (sync's items, a big org's members): System.Text.Json writes
/// <see cref="Data"/> as an array while it is enumerated and flushes as its buffer fills, so items leave as they are read.
/// </summary>
public sealed record StreamedListResponse<T>(IAsyncEnumerable<T> Data, string? ContinuationToken = null) : ResponseModel("list");
