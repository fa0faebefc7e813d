using Custodian.Server.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Custodian.Server.Features.AuthRequests;

/// <summary>Bitwarden's <c>AuthRequestType</c>; only the first two come from a user's own devices.</summary>
public enum AuthRequestType : byte
{
    AuthenticateAndUnlock = 0,
    Unlock = 1,
    AdminApproval = 2,
}

/// <summary>
/// A "log in with device" request: a new device asks one of the user's logged-in devices to send it the user key,
/// wrapped to the request's one-time public key. The access code is the new device's secret: it reads the answer
/// with it and logs in with it in place of the master password hash.
/// </summary>
public sealed class AuthRequest
{
    /// <summary>How long a request may be answered and used (Bitwarden's UserRequestExpiration).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public AuthRequestType Type { get; set; }
    public required string RequestDeviceIdentifier { get; set; }
    public int RequestDeviceType { get; set; }
    public string? RequestIpAddress { get; set; }
    public Guid? ResponseDeviceId { get; set; }
    public required string AccessCode { get; set; }
    public required string PublicKey { get; set; }
    /// <summary>The user key wrapped to <see cref="PublicKey"/>, set on approval.</summary>
    public string? Key { get; set; }
    public string? MasterPasswordHash { get; set; }
    public bool? Approved { get; set; }
    public DateTime CreationDate { get; set; }
    public DateTime? ResponseDate { get; set; }
    /// <summary>Set when a login used the request: it serves once.</summary>
    public DateTime? AuthenticationDate { get; set; }

    public bool IsExpired(DateTime now) => now > CreationDate + Lifetime;
}

sealed class AuthRequestConfiguration : IEntityTypeConfiguration<AuthRequest>
{
    public void Configure(EntityTypeBuilder<AuthRequest> request)
    {
        request.ToTable("AuthRequests");
        request.Property(r => r.RequestDeviceIdentifier).HasMaxLength(50);
        request.Property(r => r.RequestIpAddress).HasMaxLength(50);
        request.Property(r => r.AccessCode).HasMaxLength(25);
        request.Property(r => r.PublicKey).HasMaxLength(1000);
        request.Property(r => r.Key).HasMaxLength(2000);
        request.Property(r => r.MasterPasswordHash).HasMaxLength(2000);
        request.HasIndex(r => new { r.UserId, r.CreationDate });
        request.HasOne<User>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        request.HasOne<Device>().WithMany().HasForeignKey(r => r.ResponseDeviceId).OnDelete(DeleteBehavior.SetNull);
    }
}
