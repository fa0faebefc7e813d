using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Custodian.Server.Features.Organizations;
using Custodian.Server.Infrastructure.Http;

namespace Custodian.Server.Features.Providers.Bulk;

public sealed record BulkPolicy(PolicyType Type, bool Enabled, JsonElement? Data);

/// <summary>What a job does to each client; only the fields of its kind are kept.</summary>
public sealed record BulkJobParameters(
    BulkPolicy? Policy = null,
    [property: Range(0, 100000)] int? Seats = null,
    bool? Enabled = null,
    Guid? TemplateId = null,
    /// <summary>For <see cref="BulkJobKind.AddCollection"/>: the name under the provider key; the browser re-encrypts it per client.</summary>
    [property: EncryptedString, EncryptedStringLength(1000)] string? CollectionName = null);

public sealed record BulkJobRequest(BulkJobKind Kind, [property: Required] ClientSelectionRequest Selection, [property: Required] BulkJobParameters Parameters)
    : IRequestModel;

public sealed record BulkClaimRequest([property: Range(1, 100)] int Count = 10) : IRequestModel;

public sealed record BulkItemResult(Guid OrganizationId, [property: StringLength(500)] string? Error);

public sealed record BulkResultsRequest(Guid ClaimToken, [property: Required, MaxLength(100)] IReadOnlyList<BulkItemResult> Results) : IRequestModel;

public sealed record BulkJobResponse(Guid Id, BulkJobKind Kind, BulkJobParameters Parameters, int Total, int Pending, int Running, int Succeeded,
    int Failed, bool RunsOnServer, Guid? CreatedByUserId, DateTime CreationDate) : ResponseModel("providerBulkJob")
{
    public bool Done => Pending + Running == 0;
}

public sealed record BulkItemResponse(Guid OrganizationId, string OrganizationName, BulkItemStatus Status, string? Error, DateTime? CompletedAt)
    : ResponseModel("providerBulkJobItem");

/// <summary>A client handed to the browser: its org key wrapped with the provider key is all it needs to work on it.</summary>
public sealed record BulkClaimedClient(Guid OrganizationId, string OrganizationName, string? Key);

public sealed record BulkClaimResponse(Guid ClaimToken, IReadOnlyList<BulkClaimedClient> Clients, BulkJobResponse Job) : ResponseModel("providerBulkClaim");
