using System.Text.Json.Serialization;

namespace Custodian.Server.Infrastructure.Http;

/// <summary>Every Bitwarden response model carries an <c>object</c> discriminator, written first.</summary>
public abstract record ResponseModel([property: JsonPropertyOrder(-1)] string Object);

/// <summary>Bitwarden's list envelope: <c>{"object":"list","data":[…],"continuationToken":null}</c>.</summary>
public sealed record ListResponse<T>(IReadOnlyList<T> Data, string? ContinuationToken = null) : ResponseModel("list");
