using System.Net;
using System.Text.Json.Nodes;
using Custodian.Tests.Infrastructure;
using Custodian.Tests.Sends;
using Custodian.Tests.Vault;

namespace Custodian.Tests.Compat;

/// <summary>
/// Live sync through the notifications hub with the JavaScript SignalR client and MessagePack: a change made on
/// one device reaches the user's other devices, and the org's other members, within a second; nobody else.
/// </summary>
[Collection(CompatCollection.Name)]
public sealed class LiveSyncTests(CompatServer server) : IClassFixture<CompatServer>
{
    static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task PersonalChanges_ReachTheUsersOtherDevice_WithTheOriginatingDeviceAsContext()
    {
        var user = await server.LoginNewUserAsync();
        await using var listener = await LiveSyncClient.ConnectAsync(server, user.AccessToken);
        user.Client.Http.DefaultRequestHeaders.Add("Device-Identifier", "device-b");

        var cipherId = await TestCiphers.CreateAsync(user);
        var created = await listener.WaitForAsync(1, Second);
        Assert.NotNull(created);
        Assert.Equal(cipherId.ToString(), created["Payload"]!["Id"]!.GetValue<string>());
        Assert.Equal(user.Id.ToString(), created["Payload"]!["UserId"]!.GetValue<string>());
        Assert.Equal("device-b", created["ContextId"]!.GetValue<string>());

        await user.Client.PutJsonAsync($"/api/ciphers/{cipherId}", TestCiphers.Login(user, "Renamed"));
        Assert.NotNull(await listener.WaitForAsync(0, Second));
        Assert.Equal(HttpStatusCode.OK, (await user.Client.DeleteAsync($"/api/ciphers/{cipherId}")).StatusCode);
        Assert.NotNull(await listener.WaitForAsync(9, Second));

        var folderId = await TestCiphers.CreateFolderAsync(user);
        Assert.Equal(folderId.ToString(), (await listener.WaitForAsync(7, Second))!["Payload"]!["Id"]!.GetValue<string>());
        var send = await TestSends.CreateAsync(user);
        Assert.Equal(send["id"]!.GetValue<string>(), (await listener.WaitForAsync(12, Second))!["Payload"]!["Id"]!.GetValue<string>());
    }

    [Fact]
    public async Task OrgItemChange_ReachesOtherMembers_AndNoStranger()
    {
        var owner = await server.LoginNewUserAsync();
        var org = await owner.CreateOrganizationAsync();
        var member = await server.LoginNewUserAsync();
        var memberId = await server.AddConfirmedMemberAsync(org, member);
        var collection = await org.CreateCollectionAsync("Shared", TestCollections.Access(memberId));
        var stranger = await server.LoginNewUserAsync();
        await using var memberDevice = await LiveSyncClient.ConnectAsync(server, member.AccessToken);
        await using var strangerDevice = await LiveSyncClient.ConnectAsync(server, stranger.AccessToken);

        var itemId = await org.CreateItemAsync(owner, "Router", collection);
        var message = await memberDevice.WaitForAsync(1, Second);
        Assert.NotNull(message);
        Assert.Equal(itemId.ToString(), message["Payload"]!["Id"]!.GetValue<string>());
        Assert.Equal(org.Id.ToString(), message["Payload"]!["OrganizationId"]!.GetValue<string>());
        Assert.Null(await strangerDevice.WaitForAsync(1, TimeSpan.FromMilliseconds(500)));
    }

    [Fact]
    public async Task SecurityStampRotation_LogsTheOtherDevicesOut()
    {
        var user = await server.LoginNewUserAsync();
        await using var listener = await LiveSyncClient.ConnectAsync(server, user.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await user.Client.PostAsync("/api/accounts/security-stamp", new { masterPasswordHash = user.Account.MasterPasswordHash })).StatusCode);
        Assert.NotNull(await listener.WaitForAsync(11, Second));
    }

    [Fact]
    public async Task Hub_WithoutAValidToken_RefusesTheConnection_AnonymousHubAcceptsOne()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => LiveSyncClient.ConnectAsync(server, "not-a-token"));
        await using var waiting = await LiveSyncClient.ConnectAsync(server, "", anonymousToken: "auth-request-token");
    }
}
