using System.Text.Json.Nodes;
using Custodian.Tests.Infrastructure;

namespace Custodian.Tests.Sends;

public static class TestSends
{
    /// <summary>A text Send as the clients post it; the server only sees EncStrings (here under the user key).</summary>
    public static Dictionary<string, object?> Text(TestUser user, string text = "hello", string? password = null, int? maxAccessCount = null,
        bool hideEmail = false, bool disabled = false) => new()
        {
            ["type"] = 0, ["name"] = user.Account.Encrypt("Greeting"), ["notes"] = null, ["key"] = user.Account.Encrypt("send key"),
            ["maxAccessCount"] = maxAccessCount, ["expirationDate"] = null, ["deletionDate"] = DateTime.UtcNow.AddDays(7),
            ["password"] = password, ["emails"] = null, ["disabled"] = disabled, ["hideEmail"] = hideEmail,
            ["authType"] = password is null ? 2 : 1, ["text"] = new { text = user.Account.Encrypt(text), hidden = false }, ["file"] = null,
        };

    public static Dictionary<string, object?> File(TestUser user, long length)
    {
        var body = Text(user);
        (body["type"], body["text"], body["fileLength"]) = (1, null, length);
        body["file"] = new { fileName = user.Account.Encrypt("report.pdf") };
        return body;
    }

    public static async Task<JsonObject> CreateAsync(TestUser user, Dictionary<string, object?>? body = null) =>
        await user.Client.PostJsonAsync("/api/sends", body ?? Text(user));

    public static Dictionary<string, string> Grant(string accessId, string? passwordHash = null)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "send_access", ["client_id"] = "send", ["scope"] = "api.send.access", ["send_id"] = accessId,
        };
        if (passwordHash is not null)
        {
            form["password_hash_b64"] = passwordHash;
        }
        return form;
    }

    /// <summary>A recipient: the send_access token, then <c>POST /api/sends/access</c> with it.</summary>
    public static async Task<HttpResponseMessage> AccessAsync(ApiFactory api, string accessId, string? passwordHash = null)
    {
        var recipient = api.CreateApiClient();
        var token = await ApiClient.ReadOkAsync(await recipient.PostFormAsync("/identity/connect/token", Grant(accessId, passwordHash)));
        recipient.UseToken(token["access_token"]!.GetValue<string>());
        return await recipient.PostAsync("/api/sends/access");
    }
}
