using System.Net;
using System.Text.Json.Nodes;
using Custodian.Tests.Infrastructure;

namespace Custodian.Tests.Identity;

/// <summary>Refresh tokens are single-use: each refresh hands out a successor, and a used one coming back ends the session.</summary>
public sealed class RefreshRotationTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    const string Token = "/identity/connect/token";

    async Task<HttpResponseMessage> RefreshAsync(string refresh) =>
        await api.CreateApiClient().PostFormAsync(Token, TokenTests.RefreshForm(refresh));

    static string RefreshTokenOf(JsonObject body) => body["refresh_token"]!.GetValue<string>();

    [Fact]
    public async Task Refresh_RotatesTheToken_AndTheSuccessorWorks()
    {
        var first = RefreshTokenOf(await api.PasswordLoginAsync(await api.RegisterAsync()));

        var second = RefreshTokenOf(await ApiClient.ReadOkAsync(await RefreshAsync(first)));
        var third = RefreshTokenOf(await ApiClient.ReadOkAsync(await RefreshAsync(second)));

        Assert.Equal(3, new[] { first, second, third }.Distinct().Count());
    }

    [Fact]
    public async Task Refresh_ReusedOldToken_RevokesTheWholeFamily_NotOtherSessions()
    {
        var account = await api.RegisterAsync();
        var stolen = RefreshTokenOf(await api.PasswordLoginAsync(account));
        var otherSession = RefreshTokenOf(await api.PasswordLoginAsync(account));
        var current = RefreshTokenOf(await ApiClient.ReadOkAsync(await RefreshAsync(stolen)));

        await TokenTests.ReadTokenErrorAsync(await RefreshAsync(stolen), HttpStatusCode.BadRequest, "invalid_grant");

        // The legitimate holder's successor dies with it: whoever holds either copy must log in again.
        await TokenTests.ReadTokenErrorAsync(await RefreshAsync(current), HttpStatusCode.BadRequest, "invalid_grant");
        await ApiClient.ReadOkAsync(await RefreshAsync(otherSession));
    }

    [Fact]
    public async Task Refresh_SameTokenTwiceAtOnce_OnlyOneWins()
    {
        var refresh = RefreshTokenOf(await api.PasswordLoginAsync(await api.RegisterAsync()));

        var answers = await Task.WhenAll(RefreshAsync(refresh), RefreshAsync(refresh));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
    }
}
