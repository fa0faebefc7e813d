using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Custodian.Server.Features.Identity;

/// <summary>
/// Failed-login counter for one throttle key ("account:…" or "ip:…") in a fixed window. Kept in the database
/// so that every server instance sees the same counts.
/// </summary>
public sealed class LoginAttempt
{
    public required string Key { get; set; }
    public int Failures { get; set; }
    public DateTime WindowStart { get; set; }
}

sealed class LoginAttemptConfiguration : IEntityTypeConfiguration<LoginAttempt>
{
    public void Configure(EntityTypeBuilder<LoginAttempt> attempt)
    {
        attempt.ToTable("LoginAttempts");
        attempt.HasKey(a => a.Key);
        attempt.Property(a => a.Key).HasMaxLength(300);
    }
}
