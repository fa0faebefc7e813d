using System.Net;
using Custodian.Tests.Infrastructure;

namespace Custodian.Tests.Identity;

public sealed class TightThrottleFactory : ApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Login:MaxFailuresPerAccount"] = "3",
        ["Login:MaxFailuresPerIp"] = "8",
    };
}

/// <summary>Runs its cases in order on one server: the per-IP counter is shared by the whole class.</summary>
public sealed class LoginThrottleTests(TightThrottleFactory api) : IClassFixture<TightThrottleFactory>
{
    const string Token = "/identity/connect/token";

    [Fact]
    public async Task Throttle_PerAccountAndPerIp_BlocksAfterTheLimitWith429()
    {
        var victim = await api.RegisterAsync();
        var bystander = await api.RegisterAsync();
        var client = api.CreateApiClient();

        for (var i = 0; i < 3; i++)
        {
            var wrong = await client.PostFormAsync(Token, TestAccounts.PasswordForm(victim, password: "bad"));
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }
        // Even the right password is refused while the account is throttled.
        var blocked = await client.PostFormAsync(Token, TestAccounts.PasswordForm(victim));
        var body = await TokenTests.ReadTokenErrorAsync(blocked, HttpStatusCode.TooManyRequests, "invalid_grant");
        Assert.Contains("Too many", body["ErrorModel"]!["Message"]!.GetValue<string>(), StringComparison.Ordinal);
        // Another account from the same address still logs in: 3 failures are under the per-IP limit of 8.
        await ApiClient.ReadOkAsync(await client.PostFormAsync(Token, TestAccounts.PasswordForm(bystander)));

        // Unknown accounts count against the address too; past 8 failures the address is throttled for everyone.
        for (var i = 0; i < 5; i++)
        {
            var unknown = Support.ClientAccount.CreateFast(TestAccounts.NewEmail(), "x");
            await client.PostFormAsync(Token, TestAccounts.PasswordForm(unknown));
        }
        var fromThrottledIp = await client.PostFormAsync(Token, TestAccounts.PasswordForm(bystander));
        Assert.Equal(HttpStatusCode.TooManyRequests, fromThrottledIp.StatusCode);
    }
}
