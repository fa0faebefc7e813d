using System.Text.Json.Nodes;
using Custodian.Tests.Infrastructure;
using Custodian.Tests.Support;

namespace Custodian.Tests.EmergencyAccess;

/// <summary>Emergency access as the Bitwarden clients drive it: the grantor's and the grantee's sides, real crypto.</summary>
public static class TestEmergencyAccess
{
    /// <summary>Invite, accept with the mailed token, confirm with the grantor's user key wrapped to the grantee: the row id.</summary>
    public static async Task<Guid> ConfirmedAsync(ApiFactory api, TestUser grantor, TestUser grantee, int type, int waitDays = 2)
    {
        var id = await InviteAsync(api, grantor, grantee.Email, type, waitDays);
        await ApiClient.ReadOkOrEmptyAsync(await grantee.Client.PostAsync($"/api/emergency-access/{id}/accept",
            new { token = TestMembers.ReadMailToken(api, $"id={id}") }));
        await ApiClient.ReadOkOrEmptyAsync(await ConfirmAsync(grantor, grantee, id));
        return id;
    }

    public static async Task<Guid> InviteAsync(ApiFactory api, TestUser grantor, string email, int type, int waitDays = 2)
    {
        await ApiClient.ReadOkOrEmptyAsync(await grantor.Client.PostAsync("/api/emergency-access/invite",
            new { email, type, waitTimeDays = waitDays }));
        var trusted = await grantor.Client.GetJsonAsync("/api/emergency-access/trusted");
        return Guid.Parse(trusted["data"]!.AsArray().Last(r => r!["email"]!.GetValue<string>() == email.ToLowerInvariant())!["id"]!.GetValue<string>());
    }

    /// <summary>What the grantor's client does: fetch the grantee's public key and wrap its own user key to it.</summary>
    public static async Task<HttpResponseMessage> ConfirmAsync(TestUser grantor, TestUser grantee, Guid id)
    {
        var key = await grantor.Client.GetJsonAsync($"/api/users/{grantee.Id}/public-key");
        var wrapped = ClientCrypto.RsaEncrypt(grantor.Account.UserKey.ToBytes(), Convert.FromBase64String(key["publicKey"]!.GetValue<string>()));
        return await grantor.Client.PostAsync($"/api/emergency-access/{id}/confirm", new { key = wrapped });
    }

    /// <summary>The grantor's user key as the grantee's client recovers it from <c>keyEncrypted</c>.</summary>
    public static SymmetricKey Unwrap(TestUser grantee, JsonObject response) =>
        SymmetricKey.FromBytes(ClientCrypto.RsaDecrypt(response["keyEncrypted"]!.GetValue<string>(), grantee.Account.PrivateKeyPkcs8));

    /// <summary>Subjects of the outbox mails to <paramref name="to"/>.</summary>
    public static List<string> MailSubjects(ApiFactory api, string to)
    {
        var outbox = Path.Combine(api.DataDirectory, "outbox");
        return Directory.GetFiles(outbox, "*.eml").Select(f => MimeKit.MimeMessage.Load(f))
            .Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, to, StringComparison.OrdinalIgnoreCase)))
            .Select(m => m.Subject ?? "").ToList();
    }
}
