using System.Security.Cryptography;
using Custodian.Server.Features.Accounts;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Security;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Custodian.Server.Features.Identity;

/// <summary>Mints access tokens (short-lived JWTs) and refresh tokens (random, stored hashed).</summary>
public sealed class TokenService(AppDbContext db, SigningKeyStore keys, IOptions<LoginOptions> options, TimeProvider time)
{
    static readonly JsonWebTokenHandler Handler = new();
    readonly LoginOptions _options = options.Value;

    public string CreateAccessToken(User user, Device? device, string clientId, IReadOnlyList<string> scopes)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object>
        {
            [TokenClaims.Subject] = user.Id.ToString(),
            [TokenClaims.Email] = user.Email,
            [TokenClaims.EmailVerified] = user.EmailVerified,
            [TokenClaims.Name] = user.Name ?? "",
            // Self-hosted: every account has the premium features.
            [TokenClaims.Premium] = true,
            [TokenClaims.SecurityStamp] = user.SecurityStamp,
            [TokenClaims.ClientId] = clientId,
            [TokenClaims.Scope] = scopes.ToArray(),
            [TokenClaims.AuthMethod] = new[] { "Application" },
        };
        if (device is not null)
        {
            claims[TokenClaims.Device] = device.Id.ToString();
        }
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = TokenClaims.Issuer,
            Audience = TokenClaims.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + _options.AccessTokenLifetime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(keys.Key, SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>
    /// Adds a refresh token row (saved with the caller's SaveChanges) and returns the secret once: the first of a new
    /// family at login, or the successor of a used token in <paramref name="familyId"/>.
    /// </summary>
    public string CreateRefreshToken(User user, Device? device, string clientId, Guid? familyId = null)
    {
        var token = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow().UtcDateTime;
        var id = Guid.CreateVersion7();
        db.RefreshTokens.Add(new RefreshToken
        {
            Id = id,
            FamilyId = familyId ?? id,
            TokenHash = HashRefreshToken(token),
            UserId = user.Id,
            DeviceId = device?.Id,
            ClientId = clientId,
            SecurityStamp = user.SecurityStamp,
            CreationDate = now,
            ExpirationDate = now + _options.RefreshTokenLifetime,
        });
        return token;
    }

    public static string HashRefreshToken(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));

    public TokenResponse Response(User user, string accessToken, string? refreshToken, IReadOnlyList<string> scopes)
    {
        var unlock = MasterPasswordUnlockResponse.From(user);
        return new TokenResponse(
            accessToken, (int)_options.AccessTokenLifetime.TotalSeconds, "Bearer", refreshToken, string.Join(' ', scopes),
            user.Key, user.PrivateKey, AccountKeysResponse.From(user),
            user.Kdf, user.KdfIterations, user.KdfMemory, user.KdfParallelism,
            ResetMasterPassword: false, ForcePasswordReset: false, ApiUseKeyConnector: false, MasterPasswordPolicy: null,
            new UserDecryptionOptionsResponse(
                HasMasterPassword: user.MasterPassword is not null,
                unlock is null ? null : new MasterPasswordUnlockOption(
                    new KdfOption(unlock.Kdf.KdfType, unlock.Kdf.Iterations, unlock.Kdf.Memory, unlock.Kdf.Parallelism),
                    unlock.MasterKeyEncryptedUserKey, unlock.MasterKeyEncryptedUserKey, unlock.Salt)));
    }
}
