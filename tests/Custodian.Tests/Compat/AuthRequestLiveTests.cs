using Custodian.Tests.AuthRequests;
using Custodian.Tests.Infrastructure;

namespace Custodian.Tests.Compat;

/// <summary>
/// Log in with a device, live, with the JavaScript SignalR client and MessagePack as the apps use it: the user's
/// logged-in device hears of the request (AuthRequest, 15), and the waiting device, on the anonymous hub in the group
/// of its request id, hears the approval (AuthRequestResponse, 16) under Bitwarden's method name.
/// </summary>
[Collection(CompatCollection.Name)]
public sealed class AuthRequestLiveTests(CompatServer server) : IClassFixture<CompatServer>
{
    static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Request_ReachesTheLoggedInDevice_AndTheApproval_TheWaitingDeviceAlone()
    {
        var (user, device) = await server.LoginWithDeviceAsync();
        await using var loggedIn = await LiveSyncClient.ConnectAsync(server, user.AccessToken);
        var newDevice = new NewDevice();
        var id = await newDevice.RequestAsync(server, user.Email);
        var told = await loggedIn.WaitForAsync(15, Second);
        Assert.NotNull(told);
        Assert.Equal(id.ToString(), told["Payload"]!["Id"]!.GetValue<string>());
        Assert.Equal(user.Id.ToString(), told["Payload"]!["UserId"]!.GetValue<string>());

        await using var waiting = await LiveSyncClient.ConnectAsync(server, "", anonymousToken: id.ToString());
        await using var other = await LiveSyncClient.ConnectAsync(server, "", anonymousToken: Guid.NewGuid().ToString());
        var request = await user.Client.GetJsonAsync($"/api/auth-requests/{id}");
        await user.Client.PutJsonAsync($"/api/auth-requests/{id}", TestAuthRequests.Approval(user, request, device));
        var answer = await waiting.WaitForAsync(16, Second);
        Assert.NotNull(answer);
        Assert.Equal(id.ToString(), answer["Payload"]!["Id"]!.GetValue<string>());
        Assert.Null(await other.WaitForAsync(16, TimeSpan.FromMilliseconds(300)));
    }
}
