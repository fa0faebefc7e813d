using System.Text.Json.Nodes;
using Custodian.Tests.Support;

namespace Custodian.Tests.Infrastructure;

/// <summary>Account recovery as the Bitwarden clients do it: the member's client enrolls, the admin's browser resets.</summary>
public static class TestRecovery
{
    /// <summary>Single organization, then account recovery (type 8), as an owner turns them on.</summary>
    public static async Task EnableRecoveryPolicyAsync(this TestOrganization org, bool autoEnroll = false)
    {
        await org.Owner.Client.PutJsonAsync($"/api/organizations/{org.Id}/policies/3", new { enabled = true, data = (object?)null });
        await org.Owner.Client.PutJsonAsync($"/api/organizations/{org.Id}/policies/8", new { enabled = true, data = new { autoEnrollEnabled = autoEnroll } });
    }

    /// <summary>The member's user key wrapped to the org's public key, as the member's client makes it.</summary>
    public static async Task<string> WrapUserKeyToOrgAsync(TestOrganization org, TestUser member)
    {
        var keys = await member.Client.GetJsonAsync($"/api/organizations/{org.Id}/keys");
        return ClientCrypto.RsaEncrypt(member.Account.UserKey.ToBytes(), Convert.FromBase64String(keys["publicKey"]!.GetValue<string>()));
    }

    public static async Task<HttpResponseMessage> EnrollAsync(this TestOrganization org, TestUser member) =>
        await member.Client.PutAsync($"/api/organizations/{org.Id}/users/{member.Id}/reset-password-enrollment",
            new { resetPasswordKey = await WrapUserKeyToOrgAsync(org, member), masterPasswordHash = member.Account.MasterPasswordHash });

    /// <summary>
    /// What the Admin Console does in the admin's browser: fetch the details, unwrap the org private key with the org
    /// key, unwrap the member's user key with it, derive the new master key from the new password and the member's
    /// KDF, and send the new hash with the re-wrapped user key. Returns the member's account under the new password.
    /// </summary>
    public static async Task<(HttpResponseMessage Response, ClientAccount NewAccount)> ResetAsync(this ApiClient admin, SymmetricKey orgKey,
        Guid organizationId, Guid memberId, ClientAccount member, string newPassword)
    {
        var details = await admin.GetJsonAsync($"/api/organizations/{organizationId}/users/{memberId}/reset-password-details");
        var orgPrivateKey = ClientCrypto.DecryptEncString(details["encryptedPrivateKey"]!.GetValue<string>(), orgKey);
        var userKey = SymmetricKey.FromBytes(ClientCrypto.RsaDecrypt(details["resetPasswordKey"]!.GetValue<string>(), orgPrivateKey));
        var kdf = new KdfSettings((KdfType)details["kdf"]!.GetValue<int>(), details["kdfIterations"]!.GetValue<int>(),
            details["kdfMemory"]?.GetValue<int>(), details["kdfParallelism"]?.GetValue<int>());
        var masterKey = ClientCrypto.MasterKey(newPassword, member.Email, kdf);
        var response = await admin.PutAsync($"/api/organizations/{organizationId}/users/{memberId}/reset-password", new
        {
            newMasterPasswordHash = ClientCrypto.MasterPasswordHash(masterKey, newPassword),
            key = ClientCrypto.EncryptToEncString(userKey.ToBytes(), ClientCrypto.StretchMasterKey(masterKey)),
        });
        return (response, member.WithNewPassword(newPassword, kdf));
    }

    public static JsonObject Details(JsonObject json) => json;
}
