namespace Custodian.Server.Features.Identity;

/// <summary>Section <c>Login</c>: token lifetimes and failed-login throttling.</summary>
public sealed class LoginOptions
{
    public const string Section = "Login";

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);
    /// <summary>Sliding: every refresh hands out a new token with the full lifetime.</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(30);
    /// <summary>Hard limit for one account from one client address.</summary>
    public int MaxFailuresPerAccountAndIp { get; set; } = 10;
    /// <summary>Hard limit for one account from all addresses together: only many addresses reach it.</summary>
    public int MaxFailuresPerAccount { get; set; } = 100;
    public int MaxFailuresPerIp { get; set; } = 100;
    /// <summary>Past <see cref="MaxFailuresPerAccountAndIp"/> failures of an account, each attempt on it waits this much more (up to ten times).</summary>
    public TimeSpan FailureDelay { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromMinutes(15);
    /// <summary>Wrong <c>/admin</c> tokens from one address before it gets 429 for the rest of the window.</summary>
    public int MaxAdminFailuresPerIp { get; set; } = 10;
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
