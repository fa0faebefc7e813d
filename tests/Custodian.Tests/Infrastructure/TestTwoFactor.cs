using System.Text.Json.Nodes;
using Custodian.Server.Features.TwoFactor;

namespace Custodian.Tests.Infrastructure;

/// <summary>Two-step login the way the web vault turns it on: verify the master password, then confirm with a code.</summary>
public static class TestTwoFactor
{
    /// <summary>The code an authenticator app shows <paramref name="steps"/> steps from now.</summary>
    public static string Code(string key, int steps = 0) =>
        Totp.Code(Totp.Base32Decode(key)!, Totp.StepAt(DateTimeOffset.UtcNow) + steps);

    /// <summary>Turns the authenticator on (the enabling code uses step -1, so steps 0 and +1 are left for logins).</summary>
    public static async Task<string> EnableAuthenticatorAsync(this TestUser user)
    {
        var setup = await user.Client.PostJsonAsync("/api/two-factor/get-authenticator", new { masterPasswordHash = user.Account.MasterPasswordHash });
        var key = setup["authenticator"]!["key"]!.GetValue<string>();
        await user.Client.PutJsonAsync("/api/two-factor/authenticator", new
        {
            token = Code(key, -1),
            key,
            userVerificationToken = setup["userVerificationToken"]!.GetValue<string>(),
        });
        return key;
    }

    public static Dictionary<string, string> WithCode(this Dictionary<string, string> form, TwoFactorProviderType type, string code,
        bool remember = false)
    {
        form["twoFactorToken"] = code;
        form["twoFactorProvider"] = ((int)type).ToString(System.Globalization.CultureInfo.InvariantCulture);
        form["twoFactorRemember"] = remember ? "1" : "0";
        return form;
    }

    public static async Task<(int Status, JsonObject Body)> TokenAsync(this ApiFactory api, Dictionary<string, string> form)
    {
        var response = await api.CreateApiClient().PostFormAsync("/identity/connect/token", form);
        return ((int)response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!.AsObject());
    }

    public static async Task<string> RecoveryCodeAsync(this TestUser user) =>
        (await user.Client.PostJsonAsync("/api/two-factor/get-recover", new { masterPasswordHash = user.Account.MasterPasswordHash }))["code"]!
            .GetValue<string>();
}
