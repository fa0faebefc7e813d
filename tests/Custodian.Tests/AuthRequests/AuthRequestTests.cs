using System.Net;
using Custodian.Server.Features.Events;
using Custodian.Server.Infrastructure.Data;
using Custodian.Tests.Infrastructure;
using Custodian.Tests.Sends;
using Custodian.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Custodian.Tests.AuthRequests;

/// <summary>
/// Log in with a device over HTTP: the anonymous request, the logged-in device's approval carrying the user key
/// wrapped to the request's key, the new device reading it with its access code and logging in with the code once.
/// </summary>
public sealed class AuthRequestTests(ClockedApiFactory api) : IClassFixture<ClockedApiFactory>
{
    [Fact]
    public async Task ApprovedRequest_HandsTheNewDeviceTheUserKey_AndLogsItInOnce()
    {
        var (user, device) = await api.LoginWithDeviceAsync();
        var newDevice = new NewDevice();
        var id = await newDevice.RequestAsync(api, user.Email);
        var anonymous = api.CreateApiClient();
        await ApiClient.ReadErrorAsync(await anonymous.GetAsync($"/api/auth-requests/{id}/response?code={newDevice.WrongCode}"), HttpStatusCode.NotFound);
        var waiting = await anonymous.GetJsonAsync($"/api/auth-requests/{id}/response?code={newDevice.AccessCode}");
        Assert.Equal("auth-request", waiting["object"]!.GetValue<string>());
        Assert.False(waiting["requestApproved"]!.GetValue<bool>());
        Assert.Null(waiting["key"]);
        Assert.Equal("Linux CLI", waiting["requestDeviceType"]!.GetValue<string>());
        Assert.Equal("vault.custodian.test", waiting["origin"]!.GetValue<string>());

        var pending = (await user.Client.GetJsonAsync("/api/auth-requests/pending"))["data"]!.AsArray().Single()!.AsObject();
        Assert.Equal(id, pending["id"]!.GetValue<Guid>());
        // The new device cannot log in before the answer.
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.PostFormAsync("/identity/connect/token", newDevice.LoginForm(user.Account, id))).StatusCode);

        var answered = await user.Client.PutJsonAsync($"/api/auth-requests/{id}", TestAuthRequests.Approval(user, pending, device));
        Assert.True(answered["requestApproved"]!.GetValue<bool>());
        Assert.Empty((await user.Client.GetJsonAsync("/api/auth-requests/pending"))["data"]!.AsArray());
        await ApiClient.ReadErrorAsync(await user.Client.PutAsync($"/api/auth-requests/{id}", TestAuthRequests.Approval(user, pending, device)),
            HttpStatusCode.BadRequest);

        var response = await anonymous.GetJsonAsync($"/api/auth-requests/{id}/response?code={newDevice.AccessCode}");
        Assert.True(response["requestApproved"]!.GetValue<bool>());
        var userKey = ClientCrypto.RsaDecrypt(response["key"]!.GetValue<string>(), newDevice.Keys.PrivateKey);
        Assert.Equal(user.Account.UserKey.ToBytes(), userKey);

        var token = await ApiClient.ReadOkAsync(await anonymous.PostFormAsync("/identity/connect/token", newDevice.LoginForm(user.Account, id)));
        Assert.Equal(user.Account.ProtectedUserKey, token["Key"]?.GetValue<string>() ?? token["key"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.PostFormAsync("/identity/connect/token", newDevice.LoginForm(user.Account, id))).StatusCode);

        await using var scope = api.Services.CreateAsyncScope();
        Assert.Contains(EventType.AuthRequest_Approved, await scope.ServiceProvider.GetRequiredService<AppDbContext>().Events
            .Where(e => e.UserId == user.Id).Select(e => e.Type).ToListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task DeniedOrExpiredRequest_NeverLogsIn()
    {
        var (user, device) = await api.LoginWithDeviceAsync();
        var denied = new NewDevice();
        var id = await denied.RequestAsync(api, user.Email);
        var request = await user.Client.GetJsonAsync($"/api/auth-requests/{id}");
        Assert.False((await user.Client.PutJsonAsync($"/api/auth-requests/{id}", TestAuthRequests.Approval(user, request, device, approve: false)))
            ["requestApproved"]!.GetValue<bool>());
        var anonymous = api.CreateApiClient();
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.PostFormAsync("/identity/connect/token", denied.LoginForm(user.Account, id))).StatusCode);

        var late = new NewDevice();
        var lateId = await late.RequestAsync(api, user.Email);
        api.Clock.Advance(TimeSpan.FromMinutes(16));
        await ApiClient.ReadErrorAsync(await anonymous.GetAsync($"/api/auth-requests/{lateId}/response?code={late.AccessCode}"), HttpStatusCode.NotFound);
        var lateRequest = await user.Client.GetJsonAsync($"/api/auth-requests/{lateId}");
        await ApiClient.ReadErrorAsync(await user.Client.PutAsync($"/api/auth-requests/{lateId}", TestAuthRequests.Approval(user, lateRequest, device)),
            HttpStatusCode.NotFound);
        Assert.Empty((await user.Client.GetJsonAsync("/api/auth-requests/pending"))["data"]!.AsArray());
    }

    [Fact]
    public async Task OnlyTheAccountsOwner_SeesOrAnswersItsRequests_AndBadInputIs400()
    {
        var (user, device) = await api.LoginWithDeviceAsync();
        var (stranger, strangerDevice) = await api.LoginWithDeviceAsync();
        var newDevice = new NewDevice();
        var id = await newDevice.RequestAsync(api, user.Email);
        var request = await user.Client.GetJsonAsync($"/api/auth-requests/{id}");
        await ApiClient.ReadErrorAsync(await stranger.Client.GetAsync($"/api/auth-requests/{id}"), HttpStatusCode.NotFound);
        await ApiClient.ReadErrorAsync(await stranger.Client.PutAsync($"/api/auth-requests/{id}", TestAuthRequests.Approval(stranger, request, strangerDevice)),
            HttpStatusCode.NotFound);
        Assert.Empty((await stranger.Client.GetJsonAsync("/api/auth-requests"))["data"]!.AsArray());
        // Answering from a device the user never logged in with is refused.
        await ApiClient.ReadErrorAsync(await user.Client.PutAsync($"/api/auth-requests/{id}", TestAuthRequests.Approval(user, request, "unknown-device")),
            HttpStatusCode.BadRequest);

        var anonymous = api.CreateApiClient();
        var unknown = await ApiClient.ReadErrorAsync(await anonymous.PostAsync("/api/auth-requests", newDevice.Body(TestAccounts.NewEmail())), HttpStatusCode.BadRequest);
        Assert.Equal("User or known device not found.", unknown["message"]!.GetValue<string>());
        await ApiClient.ReadErrorAsync(await anonymous.PostAsync("/api/auth-requests", newDevice.Body(user.Email, type: 2)), HttpStatusCode.BadRequest);
        await ApiClient.ReadErrorAsync(await anonymous.PostAsync("/api/auth-requests", new { email = user.Email, type = 0 }), HttpStatusCode.BadRequest);
        var tooLong = new { email = user.Email, publicKey = "k", deviceIdentifier = "d", accessCode = new string('a', 26), type = 0 };
        Assert.NotNull((await ApiClient.ReadErrorAsync(await anonymous.PostAsync("/api/auth-requests", tooLong), HttpStatusCode.BadRequest))["validationErrors"]);
        await ApiClient.ReadErrorAsync(await user.Client.PutAsync($"/api/auth-requests/{id}", new { deviceIdentifier = device, requestApproved = true }),
            HttpStatusCode.BadRequest);
        Assert.Single((await user.Client.GetJsonAsync("/api/auth-requests"))["data"]!.AsArray());
    }
}
