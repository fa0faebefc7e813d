using System.Net;
using Custodian.Server.Features.Identity;
using Custodian.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Custodian.Tests.Identity;

public sealed class TightThrottleFactory : ApiFactory
{
    public const string KnownProxy = "10.9.9.9";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Login:MaxFailuresPerAccountAndIp"] = "3",
        ["Login:MaxFailuresPerAccount"] = "6",
        ["Login:MaxFailuresPerIp"] = "8",
        ["Login:MaxAdminFailuresPerIp"] = "3",
        ["Login:FailureDelay"] = "00:00:00.010",
        ["Network:KnownProxies"] = KnownProxy,
    };
}

/// <summary>Each case uses its own accounts and addresses: the counters live in the database the class shares.</summary>
public sealed class LoginThrottleTests(TightThrottleFactory api) : IClassFixture<TightThrottleFactory>
{
    const string Token = "/identity/connect/token";

    async Task<HttpStatusCode> LoginAsync(Support.ClientAccount account, string from, string? password = null, string? forwardedFor = null) =>
        (await TestPeerAddress.From(api, from, forwardedFor).PostFormAsync(Token, TestAccounts.PasswordForm(account, password: password))).StatusCode;

    [Fact]
    public async Task AttackersFailures_BlockTheAttackersAddress_NotTheOwnerElsewhere()
    {
        var victim = await api.RegisterAsync();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, await LoginAsync(victim, "203.0.113.1", password: "bad"));
        }

        // Brute force from one address stops there, even for the right password...
        var blocked = await TestPeerAddress.From(api, "203.0.113.1").PostFormAsync(Token, TestAccounts.PasswordForm(victim));
        var body = await TokenTests.ReadTokenErrorAsync(blocked, HttpStatusCode.TooManyRequests, "invalid_grant");
        Assert.Contains("Too many", body["ErrorModel"]!["Message"]!.GetValue<string>(), StringComparison.Ordinal);
        // ...while the owner, from their own address, logs in.
        Assert.Equal(HttpStatusCode.OK, await LoginAsync(victim, "198.51.100.1"));
    }

    [Fact]
    public async Task FailuresFromManyAddresses_SlowTheAccount_ThenCapIt()
    {
        var victim = await api.RegisterAsync();
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, await LoginAsync(victim, $"203.0.113.{20 + i}", password: "bad"));
        }
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var verdict = await scope.ServiceProvider.GetRequiredService<LoginThrottle>()
                .CheckAsync(LoginThrottleKeys.For(victim.Email, "198.51.100.2"), TestContext.Current.CancellationToken);
            Assert.False(verdict.Blocked);
            Assert.Equal(TimeSpan.FromMilliseconds(20), verdict.Delay);   // two failures past the per-address limit of 3
        }
        Assert.Equal(HttpStatusCode.OK, await LoginAsync(victim, "198.51.100.2"));

        for (var i = 0; i < 2; i++)
        {
            await LoginAsync(victim, $"203.0.113.{30 + i}", password: "bad");
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, await LoginAsync(victim, "198.51.100.3"));
    }

    [Fact]
    public async Task ManyAccountsFromOneAddress_BlockThatAddress_Only()
    {
        var bystander = await api.RegisterAsync();
        for (var i = 0; i < 8; i++)
        {
            await LoginAsync(Support.ClientAccount.CreateFast(TestAccounts.NewEmail(), "x"), "203.0.113.40");
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await LoginAsync(bystander, "203.0.113.40"));
        Assert.Equal(HttpStatusCode.OK, await LoginAsync(bystander, "203.0.113.41"));
    }

    [Fact]
    public async Task ForwardedFor_HonouredFromAKnownProxy_IgnoredFromAnyoneElse()
    {
        var victim = await api.RegisterAsync();
        // An unknown host claims to forward for 198.51.100.50: its failures count against its own address.
        for (var i = 0; i < 3; i++)
        {
            await LoginAsync(victim, "203.0.113.60", password: "bad", forwardedFor: "198.51.100.50");
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, await LoginAsync(victim, "203.0.113.60", forwardedFor: "198.51.100.51"));
        Assert.Equal(HttpStatusCode.OK, await LoginAsync(victim, TightThrottleFactory.KnownProxy, forwardedFor: "198.51.100.50"));

        // Through the known proxy, each client is its own address.
        var another = await api.RegisterAsync();
        for (var i = 0; i < 3; i++)
        {
            await LoginAsync(another, TightThrottleFactory.KnownProxy, password: "bad", forwardedFor: "198.51.100.52");
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, await LoginAsync(another, "198.51.100.52"));
        Assert.Equal(HttpStatusCode.OK, await LoginAsync(another, TightThrottleFactory.KnownProxy, forwardedFor: "198.51.100.53"));
    }

    [Fact]
    public async Task WrongAdminTokens_ThrottleThatAddress()
    {
        async Task<HttpStatusCode> AdminAsync(string from, string token)
        {
            var client = TestPeerAddress.From(api, from);
            client.Http.DefaultRequestHeaders.Authorization = new("Bearer", token);
            return (await client.GetAsync("/admin/providers")).StatusCode;
        }
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, await AdminAsync("203.0.113.70", "guess"));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await AdminAsync("203.0.113.70", ApiFactory.AdminToken));
        Assert.Equal(HttpStatusCode.OK, await AdminAsync("203.0.113.71", ApiFactory.AdminToken));
    }
}
