using System.Text.Json.Nodes;
using Custodian.Tests.Infrastructure;
using Custodian.Tests.Support;

namespace Custodian.Tests.AuthRequests;

/// <summary>The new device of "log in with device": its one-time key pair and access code, and the requests it sends.</summary>
public sealed class NewDevice
{
    public const string Identifier = "5b4c2a7e-0000-4000-8000-00000000beef";

    public (byte[] PublicKey, byte[] PrivateKey) Keys { get; } = ClientCrypto.GenerateRsaKeyPair();

    /// <summary>25 characters, as the clients make it.</summary>
    public string AccessCode { get; } = Convert.ToHexString(Guid.NewGuid().ToByteArray())[..25];

    /// <summary>A code that differs from <see cref="AccessCode"/> in its first character, always.</summary>
    public string WrongCode => (AccessCode[0] == 'A' ? "B" : "A") + AccessCode[1..];

    public object Body(string email, int type = 0) =>
        new { email, publicKey = Convert.ToBase64String(Keys.PublicKey), deviceIdentifier = Identifier, accessCode = AccessCode, type };

    public async Task<Guid> RequestAsync(ApiFactory api, string email) =>
        (await api.CreateApiClient().PostJsonAsync("/api/auth-requests", Body(email)))["id"]!.GetValue<Guid>();

    /// <summary>The password grant with the access code and request id instead of the master password hash.</summary>
    public Dictionary<string, string> LoginForm(ClientAccount account, Guid requestId)
    {
        var form = TestAccounts.PasswordForm(account, Identifier, password: AccessCode);
        form["authRequest"] = requestId.ToString();
        return form;
    }
}

public static class TestAuthRequests
{
    /// <summary>A logged-in device with a known identifier: the one that answers requests.</summary>
    public static async Task<(TestUser User, string Device)> LoginWithDeviceAsync(this ApiFactory api)
    {
        var device = Guid.NewGuid().ToString();
        var account = await api.RegisterAsync();
        var token = await api.PasswordLoginAsync(account, device);
        var client = api.CreateApiClient();
        client.UseToken(token["access_token"]!.GetValue<string>());
        var profile = await client.GetJsonAsync("/api/accounts/profile");
        return (new TestUser(profile["id"]!.GetValue<Guid>(), account, client, token["access_token"]!.GetValue<string>(), null), device);
    }

    /// <summary>What the approving app does: wrap the user key to the request's public key.</summary>
    public static object Approval(TestUser user, JsonObject request, string device, bool approve = true) => new
    {
        key = approve ? ClientCrypto.RsaEncrypt(user.Account.UserKey.ToBytes(), Convert.FromBase64String(request["publicKey"]!.GetValue<string>())) : null,
        masterPasswordHash = (string?)null,
        deviceIdentifier = device,
        requestApproved = approve,
    };
}
