using Custodian.Server.Infrastructure.Http;

namespace Custodian.Server.Features.Accounts;

/// <summary>
/// <c>AccountKeys</c> in the token response and <c>profile.accountKeys</c> in sync. The client reads these keys with
/// <c>"x" in obj</c>, so they must stay camelCase. A V1 account has no signature key pair and no security state.
/// </summary>
public sealed record AccountKeysResponse(
    PublicKeyEncryptionKeyPairResponse PublicKeyEncryptionKeyPair,
    object? SignatureKeyPair = null,
    object? SecurityState = null) : ResponseModel("privateKeys")
{
    public static AccountKeysResponse? From(User user) =>
        user.PublicKey is null || user.PrivateKey is null
            ? null
            : new(new PublicKeyEncryptionKeyPairResponse(user.PrivateKey, user.PublicKey));
}

public sealed record PublicKeyEncryptionKeyPairResponse(string WrappedPrivateKey, string PublicKey, string? SignedPublicKey = null)
    : ResponseModel("publicKeyEncryptionKeyPair");

/// <summary><c>userDecryption.masterPasswordUnlock</c> in sync: what the SDK unlocks with, offline.</summary>
public sealed record MasterPasswordUnlockResponse(KdfResponse Kdf, string MasterKeyEncryptedUserKey, string Salt)
{
    public static MasterPasswordUnlockResponse? From(User user) =>
        user.Key is null ? null : new(KdfResponse.From(user), user.Key, user.MasterPasswordSalt ?? user.Email);
}

public sealed record KdfResponse(KdfType KdfType, int Iterations, int? Memory, int? Parallelism)
{
    public static KdfResponse From(User user) => new(user.Kdf, user.KdfIterations, user.KdfMemory, user.KdfParallelism);
}
