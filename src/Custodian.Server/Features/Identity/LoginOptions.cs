namespace Custodian.Server.Features.Identity;

/// <summary>Section <c>Login</c>: token lifetimes and failed-login throttling.</summary>
public sealed class LoginOptions
{
    public const string Section = "Login";

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);
    /// <summary>Sliding: every refresh pushes the expiry out again.</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(30);
    public int MaxFailuresPerAccount { get; set; } = 10;
    public int MaxFailuresPerIp { get; set; } = 100;
    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>Section <c>Signups</c>.</summary>
public sealed class SignupsOptions
{
    public const string Section = "Signups";

    /// <summary>When false, only invited users (organization or provider invitations) may register.</summary>
    public bool Allowed { get; set; } = true;

    /// <summary>How long a registration (email verification) token stays valid.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(24);
}
