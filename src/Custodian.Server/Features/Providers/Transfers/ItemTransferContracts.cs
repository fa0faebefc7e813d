using System.ComponentModel.DataAnnotations;
using Custodian.Server.Infrastructure.Http;

namespace Custodian.Server.Features.Providers.Transfers;

/// <summary>One item carried over: the source client's item and the copy the browser made of it in the target client.</summary>
public sealed record ItemTransferPair(Guid SourceCipherId, Guid TargetCipherId);

/// <summary>
/// <c>POST /providers/{providerId}/transfers</c>: the browser already created every copy (re-encrypted under the
/// target client's key, attachments uploaded); this records the transfer and, for a move, deletes the originals.
/// </summary>
public sealed record ItemTransferRequest(
    Guid SourceOrganizationId,
    Guid TargetOrganizationId,
    [property: Required, RegularExpression("^(copy|move)$", ErrorMessage = "Mode is copy or move.")] string Mode,
    [property: Required, MinLength(1), MaxLength(ItemTransferRequest.MaxItems)] IReadOnlyList<ItemTransferPair> Items) : IRequestModel
{
    public const int MaxItems = 500;

    public bool IsMove => Mode == "move";
}

public sealed record ItemTransferResponse(string Mode, int Count) : ResponseModel("providerItemTransfer");
