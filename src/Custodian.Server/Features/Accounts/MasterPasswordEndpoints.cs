using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Custodian.Server.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Custodian.Server.Features.Accounts;

/// <summary>
/// Routes that re-confirm the master password: change it, change the KDF, log out everywhere, API key, delete.
/// Changing a secret rotates the security stamp, which voids every access and refresh token of the account.
/// </summary>
public static class MasterPasswordEndpoints
{
    public static RouteGroupBuilder MapMasterPasswordEndpoints(this RouteGroupBuilder accounts)
    {
        accounts.MapPost("/verify-password", VerifyPassword);
        accounts.MapPost("/password", ChangePassword);
        accounts.MapPost("/kdf", ChangeKdf);
        accounts.MapPut("/update-temp-password", UpdateTempPassword);
        accounts.MapPost("/security-stamp", RotateSecurityStamp);
        accounts.MapPost("/api-key", GetApiKey);
        accounts.MapPost("/rotate-api-key", RotateApiKey);
        accounts.MapDelete("", DeleteAccount);
        accounts.MapPost("/delete", DeleteAccount); // legacy alias used by older web vaults
        return accounts;
    }

    static async Task<User> VerifiedAsync(AppDbContext db, CurrentUser caller, MasterPasswordHasher hasher, string hash, CancellationToken ct)
    {
        var user = await AccountEndpoints.LoadAsync(db, caller, ct);
        hasher.Require(user, hash);
        return user;
    }

    static async Task VerifyPassword(SecretVerificationRequest request, AppDbContext db, CurrentUser caller,
        MasterPasswordHasher hasher, CancellationToken ct)
    {
        await VerifiedAsync(db, caller, hasher, request.MasterPasswordHash, ct);
        await db.SaveChangesAsync(ct); // Verify may have upgraded the stored hash format
    }

    static async Task ChangePassword(PasswordChangeRequest request, AppDbContext db, CurrentUser caller,
        MasterPasswordHasher hasher, TimeProvider time, CancellationToken ct)
    {
        var user = await VerifiedAsync(db, caller, hasher, request.MasterPasswordHash, ct);
        SetMasterPassword(user, hasher, request.NewMasterPasswordHash, request.Key, time);
        user.MasterPasswordHint = string.IsNullOrWhiteSpace(request.MasterPasswordHint) ? null : request.MasterPasswordHint;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// After account recovery the clients make the member replace the temporary password before anything else; they
    /// send no current hash (the admin set it). Only an account flagged by a recovery may do this.
    /// </summary>
    static async Task UpdateTempPassword(UpdateTempPasswordRequest request, AppDbContext db, CurrentUser caller,
        MasterPasswordHasher hasher, Events.EventLog events, TimeProvider time, CancellationToken ct)
    {
        var user = await AccountEndpoints.LoadAsync(db, caller, ct);
        if (!user.ForcePasswordReset)
        {
            throw new BadRequestException("User does not have a temporary password to update.");
        }
        SetMasterPassword(user, hasher, request.NewMasterPasswordHash, request.Key, time);
        user.ForcePasswordReset = false;
        user.MasterPasswordHint = string.IsNullOrWhiteSpace(request.MasterPasswordHint) ? null : request.MasterPasswordHint;
        events.Add(Events.EventType.User_UpdatedTempPassword, new Events.EventSubject(UserId: user.Id));
        await db.SaveChangesAsync(ct);
    }

    static async Task ChangeKdf(KdfChangeRequest request, AppDbContext db, CurrentUser caller, MasterPasswordHasher hasher,
        IOptions<AccountsOptions> options, TimeProvider time, CancellationToken ct)
    {
        var user = await VerifiedAsync(db, caller, hasher, request.MasterPasswordHash, ct);
        var change = KdfChange.From(request, user.MasterPasswordSalt ?? user.Email);
        KdfRules.Validate(change.Kdf, change.Iterations, change.Memory, change.Parallelism, options.Value.MinimumPbkdf2Iterations);
        user.Kdf = change.Kdf;
        user.KdfIterations = change.Iterations;
        user.KdfMemory = change.Kdf == KdfType.Argon2id ? change.Memory : null;
        user.KdfParallelism = change.Kdf == KdfType.Argon2id ? change.Parallelism : null;
        user.LastKdfChangeDate = time.GetUtcNow().UtcDateTime;
        SetMasterPassword(user, hasher, change.NewMasterPasswordHash, change.Key, time);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A new master password hash and the user key wrapped by the new master key; every session ends (new stamp).</summary>
    internal static void SetMasterPassword(User user, MasterPasswordHasher hasher, string newHash, string key, TimeProvider time)
    {
        user.MasterPassword = hasher.Hash(user, newHash);
        user.Key = key;
        user.LastPasswordChangeDate = time.GetUtcNow().UtcDateTime;
        user.SecurityStamp = Guid.NewGuid().ToString();
    }

    static async Task RotateSecurityStamp(SecretVerificationRequest request, AppDbContext db, CurrentUser caller,
        MasterPasswordHasher hasher, CancellationToken ct)
    {
        var user = await VerifiedAsync(db, caller, hasher, request.MasterPasswordHash, ct);
        user.SecurityStamp = Guid.NewGuid().ToString();
        await db.SaveChangesAsync(ct);
    }

    static async Task<ApiKeyResponse> GetApiKey(SecretVerificationRequest request, AppDbContext db, CurrentUser caller,
        MasterPasswordHasher hasher, ApiKeys apiKeys, CancellationToken ct)
    {
        var user = await VerifiedAsync(db, caller, hasher, request.MasterPasswordHash, ct);
        var key = apiKeys.Issue(user, rotate: false);
        await db.SaveChangesAsync(ct);
        return new(key, user.RevisionDate);
    }

    /// <summary>A new secret voids the old one at once; sessions started with it keep their tokens until they expire.</summary>
    static async Task<ApiKeyResponse> RotateApiKey(SecretVerificationRequest request, AppDbContext db, CurrentUser caller,
        MasterPasswordHasher hasher, ApiKeys apiKeys, CancellationToken ct)
    {
        var user = await VerifiedAsync(db, caller, hasher, request.MasterPasswordHash, ct);
        var key = apiKeys.Issue(user, rotate: true);
        await db.SaveChangesAsync(ct);
        return new(key, user.RevisionDate);
    }

    static async Task DeleteAccount([FromBody] SecretVerificationRequest request, AppDbContext db, CurrentUser caller,
        MasterPasswordHasher hasher, CancellationToken ct)
    {
        var user = await VerifiedAsync(db, caller, hasher, request.MasterPasswordHash, ct);
        if (await Organizations.MemberRules.IsSoleOwnerAnywhereAsync(db, user.Id, ct))
        {
            throw new BadRequestException("Cannot delete this user because it is the sole owner of at least one organization. " +
                "Please delete these organizations or upgrade another user.");
        }
        // Personal items, folders, devices, tokens and memberships go with the row (cascading foreign keys).
        db.Users.Remove(user);
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>A KDF change normalised from either request shape.</summary>
sealed record KdfChange(KdfType Kdf, int Iterations, int? Memory, int? Parallelism, string NewMasterPasswordHash, string Key)
{
    public static KdfChange From(KdfChangeRequest r, string salt)
    {
        if (r.AuthenticationData is { } auth && r.UnlockData is { } unlock)
        {
            if (!string.Equals(auth.Salt, salt, StringComparison.Ordinal) || !string.Equals(unlock.Salt, salt, StringComparison.Ordinal))
            {
                throw BadRequestException.ForField("Salt", "The salt must be the account's salt.");
            }
            if (auth.Kdf != unlock.Kdf)
            {
                throw BadRequestException.ForField("Kdf", "Authentication and unlock data must use the same KDF settings.");
            }
            return new(auth.Kdf.KdfType, auth.Kdf.Iterations, auth.Kdf.Memory, auth.Kdf.Parallelism,
                auth.MasterPasswordAuthenticationHash, unlock.MasterKeyWrappedUserKey);
        }
        if (r.Kdf is { } kdf && r.KdfIterations is { } iterations && r.NewMasterPasswordHash is { } hash && r.Key is { } key)
        {
            return new(kdf, iterations, r.KdfMemory, r.KdfParallelism, hash, key);
        }
        throw new BadRequestException("Send either kdf, kdfIterations, newMasterPasswordHash and key, or authenticationData and unlockData.");
    }
}
