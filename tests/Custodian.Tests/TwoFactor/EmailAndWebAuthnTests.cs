using System.Net;
using System.Text.RegularExpressions;
using Custodian.Server.Features.TwoFactor;
using Custodian.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Custodian.Tests.TwoFactor;

/// <summary>A server whose clock the test moves (email codes expire).</summary>
public sealed class TwoFactorClockFactory : ApiFactory
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>Apart from the others: moving its server's clock would age their tokens too.</summary>
public sealed class EmailCodeExpiryTests(TwoFactorClockFactory api) : IClassFixture<TwoFactorClockFactory>
{
    [Fact]
    public async Task EmailCode_ElevenMinutesLater_Refused()
    {
        var user = await api.LoginNewUserAsync();
        var address = TestAccounts.NewEmail("second");
        await EmailAndWebAuthnTests.EnableEmailAsync(api, user, address);
        await ApiClient.ReadOkOrEmptyAsync(await api.CreateApiClient().PostAsync("/api/two-factor/send-email-login",
            new { email = user.Email, masterPasswordHash = user.Account.MasterPasswordHash }));
        var code = EmailAndWebAuthnTests.LatestCode(api, address);
        api.Clock.Advance(TimeSpan.FromMinutes(11));
        var (expired, body) = await api.TokenAsync(TestAccounts.PasswordForm(user.Account).WithCode(TwoFactorProviderType.Email, code));
        Assert.Equal(400, expired);
        Assert.Equal(TwoFactorGate.InvalidMessage, body["ErrorModel"]!["Message"]!.GetValue<string>());
    }
}

public sealed partial class EmailAndWebAuthnTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [GeneratedRegex(@"is: (\d{6})")]
    private static partial Regex CodePattern();

    /// <summary>The code in the newest verification mail to <paramref name="to"/> (outbox files are named by time).</summary>
    public static string LatestCode(ApiFactory api, string to)
    {
        var outbox = Path.Combine(api.DataDirectory, "outbox");
        var text = Directory.GetFiles(outbox, "*.eml").OrderByDescending(f => f, StringComparer.Ordinal)
            .Select(f => MimeKit.MimeMessage.Load(f))
            .Where(m => m.To.ToString().Contains(to, StringComparison.Ordinal) && (m.Subject ?? "").Contains("verification code", StringComparison.Ordinal))
            .Select(m => m.TextBody ?? "").First();
        return CodePattern().Match(text).Groups[1].Value;
    }

    public static async Task<string> EnableEmailAsync(ApiFactory api, TestUser user, string address)
    {
        var setup = await user.Client.PostJsonAsync("/api/two-factor/get-email", new { masterPasswordHash = user.Account.MasterPasswordHash });
        var token = setup["userVerificationToken"]!.GetValue<string>();
        await ApiClient.ReadOkOrEmptyAsync(await user.Client.PostAsync("/api/two-factor/send-email", new { email = address, userVerificationToken = token }));
        var wrong = await ApiClient.ReadErrorAsync(await user.Client.PutAsync("/api/two-factor/email",
            new { email = address, userVerificationToken = token, token = "000000" }), HttpStatusCode.BadRequest);
        Assert.Equal("Invalid token.", wrong["message"]!.GetValue<string>());
        var enabled = await user.Client.PutJsonAsync("/api/two-factor/email", new { email = address, userVerificationToken = token, token = LatestCode(api, address) });
        Assert.Equal("twoFactorEmailUpdate", enabled["object"]!.GetValue<string>());
        Assert.True(enabled["email"]!["enabled"]!.GetValue<bool>());
        return token;
    }

    [Fact]
    public async Task EmailCodes_SetUpThenLogin_SingleUse()
    {
        var user = await api.LoginNewUserAsync();
        var address = TestAccounts.NewEmail("second");
        await EnableEmailAsync(api, user, address);

        var (status, challenge) = await api.TokenAsync(TestAccounts.PasswordForm(user.Account));
        Assert.Equal(400, status);
        Assert.Equal(TwoFactorGate.Redact(address), challenge["TwoFactorProviders2"]!["1"]!["Email"]!.GetValue<string>());
        Assert.StartsWith(address[0] + "***", challenge["TwoFactorProviders2"]!["1"]!["Email"]!.GetValue<string>(), StringComparison.Ordinal);
        var session = challenge["SsoEmail2faSessionToken"]!.GetValue<string>();

        // Anonymous: a wrong password is refused; the session token from the challenge works.
        var anonymous = api.CreateApiClient();
        await ApiClient.ReadErrorAsync(await anonymous.PostAsync("/api/two-factor/send-email-login",
            new { email = user.Email, masterPasswordHash = "wrong" }), HttpStatusCode.BadRequest);
        await ApiClient.ReadOkOrEmptyAsync(await anonymous.PostAsync("/api/two-factor/send-email-login", new { email = user.Email, ssoEmail2FaSessionToken = session }));
        var code = LatestCode(api, address);
        var (ok, _) = await api.TokenAsync(TestAccounts.PasswordForm(user.Account).WithCode(TwoFactorProviderType.Email, code));
        Assert.Equal(200, ok);
        var (reused, _) = await api.TokenAsync(TestAccounts.PasswordForm(user.Account).WithCode(TwoFactorProviderType.Email, code));
        Assert.Equal(400, reused);

    }

    [Fact]
    public async Task DisabledMethod_ItsCodesNoLongerCount()
    {
        var user = await api.LoginNewUserAsync();
        var key = await user.EnableAuthenticatorAsync();
        var token = await EnableEmailAsync(api, user, TestAccounts.NewEmail("second"));
        await ApiClient.ReadOkOrEmptyAsync(await user.Client.DeleteAsync("/api/two-factor/email", new { userVerificationToken = token }));
        var (status, challenge) = await api.TokenAsync(TestAccounts.PasswordForm(user.Account));
        Assert.Equal(400, status);
        Assert.Equal(["0"], challenge["TwoFactorProviders2"]!.AsObject().Select(p => p.Key));
        var (viaEmail, _) = await api.TokenAsync(TestAccounts.PasswordForm(user.Account).WithCode(TwoFactorProviderType.Email, "123456"));
        Assert.Equal(400, viaEmail);
        var (viaApp, _) = await api.TokenAsync(TestAccounts.PasswordForm(user.Account).WithCode(TwoFactorProviderType.Authenticator, TestTwoFactor.Code(key, 1)));
        Assert.Equal(200, viaApp);
    }

    [Fact]
    public async Task WebAuthn_RegistrationChallengeShape_AndBadAttestationRefused()
    {
        var user = await api.LoginNewUserAsync();
        var get = await user.Client.PostJsonAsync("/api/two-factor/get-webauthn", new { masterPasswordHash = user.Account.MasterPasswordHash });
        Assert.Equal("twoFactorWebAuthn", get["object"]!.GetValue<string>());
        Assert.False(get["webAuthn"]!["enabled"]!.GetValue<bool>());
        var token = get["userVerificationToken"]!.GetValue<string>();

        var challenge = await user.Client.PostJsonAsync("/api/two-factor/get-webauthn-challenge", new { userVerificationToken = token });
        Assert.Equal("twoFactorWebAuthnChallenge", challenge["object"]!.GetValue<string>());
        var options = challenge["options"]!;
        Assert.False(string.IsNullOrEmpty(challenge["userVerificationToken"]!.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(options["challenge"]!.GetValue<string>()));
        Assert.Equal("localhost", options["rp"]!["id"]!.GetValue<string>());
        Assert.Equal(user.Email, options["user"]!["name"]!.GetValue<string>());

        var bad = await ApiClient.ReadErrorAsync(await user.Client.PutAsync("/api/two-factor/webauthn", new
        {
            id = 1, name = "Key", userVerificationToken = token,
            deviceResponse = new { id = "AAAA", rawId = "AAAA", type = "public-key", response = new { attestationObject = "AAAA", clientDataJSON = "AAAA" } },
        }), HttpStatusCode.BadRequest);
        Assert.Equal("Unable to complete WebAuthn registration.", bad["message"]!.GetValue<string>());
        await ApiClient.ReadErrorAsync(await user.Client.PutAsync("/api/two-factor/webauthn", new { id = 9, userVerificationToken = token, deviceResponse = new { } }),
            HttpStatusCode.BadRequest);
        await ApiClient.ReadErrorAsync(await user.Client.PostAsync("/api/two-factor/get-webauthn-challenge", new { userVerificationToken = "forged" }),
            HttpStatusCode.BadRequest);
        Assert.Empty((await user.Client.GetJsonAsync("/api/two-factor"))["data"]!.AsArray());
    }
}
