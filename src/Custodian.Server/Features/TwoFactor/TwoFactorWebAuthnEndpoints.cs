using System.Text.Json;
using Custodian.Server.Features.Accounts;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Custodian.Server.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace Custodian.Server.Features.TwoFactor;

/// <summary>WebAuthn security keys (type 7): up to five, registered with a challenge, deleted one by one or all.</summary>
public static class TwoFactorWebAuthnEndpoints
{
    public static void MapTwoFactorWebAuthnEndpoints(this RouteGroupBuilder twoFactor)
    {
        twoFactor.MapPost("/get-webauthn", GetWebAuthn);
        twoFactor.MapPost("/get-webauthn-challenge", GetChallenge);
        twoFactor.MapPut("/webauthn", PutWebAuthn);
        twoFactor.MapPost("/webauthn", PutWebAuthn);   // deprecated alias Bitwarden keeps
        twoFactor.MapDelete("/webauthn", DeleteWebAuthn);
        twoFactor.MapDelete("/webauthn/all", DeleteAll);
    }

    const TwoFactorProviderType Type = TwoFactorProviderType.WebAuthn;

    static async Task<TwoFactorWebAuthnDetails> DetailsAsync(TwoFactorService methods, TwoFactorWebAuthn webAuthn, Guid userId, CancellationToken ct)
    {
        var method = await methods.FindAsync(userId, Type, ct);
        return TwoFactorWebAuthnDetails.From(method?.Enabled == true, webAuthn.Read(method));
    }

    static async Task<TwoFactorWebAuthnResponse> GetWebAuthn(SecretVerificationRequest request, AppDbContext db, CurrentUser caller,
        MasterPasswordHasher hasher, TwoFactorService methods, TwoFactorWebAuthn webAuthn, TwoFactorTokens tokens, CancellationToken ct)
    {
        var user = await TwoFactorEndpoints.VerifiedUserAsync(db, caller, hasher, request, ct);
        await db.SaveChangesAsync(ct);
        return new(await DetailsAsync(methods, webAuthn, user.Id, ct), tokens.MintVerification(user.Id, Type));
    }

    static async Task<TwoFactorWebAuthnChallengeResponse> GetChallenge(TwoFactorVerifiedRequest request, AppDbContext db, CurrentUser caller,
        TwoFactorWebAuthn webAuthn, TwoFactorTokens tokens, CancellationToken ct)
    {
        var user = await TwoFactorEndpoints.TokenUserAsync(db, caller, tokens, request.UserVerificationToken, Type, ct);
        var options = await webAuthn.StartRegistrationAsync(user, ct);
        await db.SaveChangesAsync(ct);
        // A fresh token rides along: Bitwarden's web vault sends the challenge's token with the PUT that follows.
        return new(JsonDocument.Parse(options.ToJson()).RootElement.Clone(), tokens.MintVerification(user.Id, Type));
    }

    static async Task<TwoFactorWebAuthnUpdateResponse> PutWebAuthn(TwoFactorWebAuthnUpdateRequest request, AppDbContext db, CurrentUser caller,
        TwoFactorService methods, TwoFactorWebAuthn webAuthn, TwoFactorTokens tokens, CancellationToken ct)
    {
        var user = await TwoFactorEndpoints.TokenUserAsync(db, caller, tokens, request.UserVerificationToken, Type, ct);
        if (request.DeviceResponse.ValueKind != JsonValueKind.Object
            || !await webAuthn.CompleteRegistrationAsync(user, request.Id!.Value, request.Name, request.DeviceResponse, ct))
        {
            throw new BadRequestException("Unable to complete WebAuthn registration.");
        }
        await db.SaveChangesAsync(ct);
        return new(await DetailsAsync(methods, webAuthn, user.Id, ct));
    }

    static async Task<TwoFactorWebAuthnDeleteResponse> DeleteWebAuthn([FromBody] TwoFactorWebAuthnDeleteRequest request, AppDbContext db,
        CurrentUser caller, TwoFactorService methods, TwoFactorWebAuthn webAuthn, TwoFactorTokens tokens, CancellationToken ct)
    {
        var user = await TwoFactorEndpoints.TokenUserAsync(db, caller, tokens, request.UserVerificationToken, Type, ct);
        if (!await webAuthn.DeleteKeyAsync(user, request.Id!.Value, ct))
        {
            throw new BadRequestException("Unable to delete WebAuthn credential.");
        }
        await db.SaveChangesAsync(ct);
        return new(await DetailsAsync(methods, webAuthn, user.Id, ct));
    }

    static async Task DeleteAll([FromBody] TwoFactorVerifiedRequest request, AppDbContext db, CurrentUser caller, TwoFactorService methods,
        TwoFactorTokens tokens, CancellationToken ct)
    {
        var user = await TwoFactorEndpoints.TokenUserAsync(db, caller, tokens, request.UserVerificationToken, Type, ct);
        await methods.DisableAsync(user, Type, ct);
        await db.SaveChangesAsync(ct);
    }
}
