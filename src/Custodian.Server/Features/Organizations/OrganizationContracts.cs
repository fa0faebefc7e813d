using System.ComponentModel.DataAnnotations;
using Custodian.Server.Features.Identity;
using Custodian.Server.Infrastructure.Http;
using Custodian.Server.Infrastructure.Mail;

namespace Custodian.Server.Features.Organizations;

/// <summary><c>POST /api/organizations</c>: everything secret arrives wrapped by the creating client.</summary>
public sealed record OrganizationCreateRequest(
    [property: Required, StringLength(50)] string Name,
    [property: StringLength(50)] string? BusinessName,
    [property: Required, MailAddress, StringLength(256)] string BillingEmail,
    int PlanType,
    /// <summary>The org key, RSA-wrapped to the creator's public key.</summary>
    [property: Required, EncryptedString, EncryptedStringLength(1000)] string Key,
    KeysRequest? Keys,
    /// <summary>The first collection's name under the org key; no collection when absent.</summary>
    [property: EncryptedString, EncryptedStringLength(1000)] string? CollectionName,
    int? AdditionalSeats) : IRequestModel;

public sealed record OrganizationUpdateRequest(
    [property: Required, StringLength(50)] string Name,
    [property: StringLength(50)] string? BusinessName,
    [property: MailAddress, StringLength(256)] string? BillingEmail,
    KeysRequest? Keys) : IRequestModel;

/// <summary>A body carrying only the caller's master password hash, for destructive org actions.</summary>
public sealed record OrganizationVerifyRequest([property: Required, MaxLength(300)] string MasterPasswordHash) : IRequestModel;

public sealed record OrganizationCollectionManagementRequest(
    bool LimitCollectionCreation, bool LimitCollectionDeletion, bool LimitItemDeletion,
    bool AllowAdminAccessToAllCollectionItems) : IRequestModel;

/// <summary>Bitwarden's <c>OrganizationResponseModel</c>, minus billing: self-hosted orgs have no subscription.</summary>
public sealed record OrganizationResponse(
    Guid Id, string Name, string? BusinessName, string? BillingEmail, int PlanType, ProductTierType ProductTierType,
    int? Seats, short? MaxCollections, short? MaxStorageGb,
    bool UsePolicies, bool UseGroups, bool UseDirectory, bool UseEvents, bool UseTotp, bool Use2fa, bool UseApi,
    bool UseSso, bool UseKeyConnector, bool UseScim, bool UseResetPassword, bool UseSecretsManager,
    bool UsePasswordManager, bool UseCustomPermissions, bool UsersGetPremium, bool SelfHost,
    bool HasPublicAndPrivateKeys, bool LimitCollectionCreation, bool LimitCollectionDeletion, bool LimitItemDeletion,
    bool AllowAdminAccessToAllCollectionItems, bool Enabled) : ResponseModel("organization")
{
    public static OrganizationResponse From(Organization o) => new(
        o.Id, o.Name, o.BusinessName, o.BillingEmail, o.PlanType, o.ProductTier, o.Seats, o.MaxCollections,
        MaxStorageGb: null, o.UsePolicies, o.UseGroups, UseDirectory: false, o.UseEvents, o.UseTotp, Use2fa: true,
        o.UseApi, UseSso: false, UseKeyConnector: false, UseScim: false, UseResetPassword: false,
        UseSecretsManager: false, UsePasswordManager: true, o.UseCustomPermissions, UsersGetPremium: true,
        SelfHost: true, HasPublicAndPrivateKeys: o.PublicKey is not null && o.PrivateKey is not null,
        o.LimitCollectionCreation, o.LimitCollectionDeletion, o.LimitItemDeletion,
        o.AllowAdminAccessToAllCollectionItems, o.Enabled);
}

public sealed record OrganizationKeysResponse(string? PublicKey, string? PrivateKey) : ResponseModel("organizationKeys");

public sealed record OrganizationApiKeyResponse(string ApiKey, DateTime RevisionDate) : ResponseModel("apiKey");
