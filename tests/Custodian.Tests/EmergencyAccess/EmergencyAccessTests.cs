using System.Net;
using Custodian.Server.Features.EmergencyAccess;
using Custodian.Server.Features.Events;
using Custodian.Server.Infrastructure.Data;
using Custodian.Tests.Infrastructure;
using Custodian.Tests.Sends;
using Custodian.Tests.Support;
using Custodian.Tests.Vault;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Custodian.Tests.EmergencyAccess.TestEmergencyAccess;

namespace Custodian.Tests.EmergencyAccess;

/// <summary>
/// Emergency access over HTTP against the database: the whole takeover with the waiting period run out on the
/// server's clock, view after the grantor's approval, rejection, and who may touch a row.
/// </summary>
public sealed class EmergencyAccessTests(ClockedApiFactory api) : IClassFixture<ClockedApiFactory>
{
    const int View = 0, Takeover = 1;

    [Fact]
    public async Task Takeover_AfterTheWait_GranteeUnwrapsTheKey_SetsANewPassword_AndTheGrantorsSessionsEnd()
    {
        var (grantor, grantee) = (await api.LoginNewUserAsync(), await api.LoginNewUserAsync());
        var cipherId = await TestCiphers.CreateAsync(grantor, TestCiphers.Login(grantor, "Bank"));
        var id = await InviteAsync(api, grantor, grantee.Email, Takeover, waitDays: 2);
        var invited = (await grantor.Client.GetJsonAsync($"/api/emergency-access/{id}"));
        Assert.Equal("emergencyAccessGranteeDetails", invited["object"]!.GetValue<string>());
        Assert.Equal(0, invited["status"]!.GetValue<int>());
        Assert.Null(invited["granteeId"]);

        // The mailed token is bound to the invited address: someone else holding it cannot accept.
        var token = TestMembers.ReadMailToken(api, $"id={id}");
        var stranger = await api.LoginNewUserAsync();
        await ApiClient.ReadErrorAsync(await stranger.Client.PostAsync($"/api/emergency-access/{id}/accept", new { token }), HttpStatusCode.BadRequest);
        await ApiClient.ReadOkOrEmptyAsync(await grantee.Client.PostAsync($"/api/emergency-access/{id}/accept", new { token }));
        Assert.Contains("Accepted emergency access", MailSubjects(api, grantor.Email));
        await ApiClient.ReadOkOrEmptyAsync(await ConfirmAsync(grantor, grantee, id));
        Assert.Contains("You have been confirmed as an emergency contact", MailSubjects(api, grantee.Email));

        var granted = (await grantee.Client.GetJsonAsync("/api/emergency-access/granted"))["data"]!.AsArray().Single()!;
        Assert.Equal("emergencyAccessGrantorDetails", granted["object"]!.GetValue<string>());
        Assert.Equal(grantor.Id, granted["grantorId"]!.GetValue<Guid>());
        Assert.Equal((2, 1, 2), (granted["status"]!.GetValue<int>(), granted["type"]!.GetValue<int>(), granted["waitTimeDays"]!.GetValue<int>()));

        await ApiClient.ReadOkOrEmptyAsync(await grantee.Client.PostAsync($"/api/emergency-access/{id}/initiate"));
        Assert.Contains("Emergency access initiated", MailSubjects(api, grantor.Email));
        await ApiClient.ReadErrorAsync(await grantee.Client.PostAsync($"/api/emergency-access/{id}/takeover"), HttpStatusCode.BadRequest);

        // Not yet: one minute short of the wait. Then the job grants it once, though the hosted run (its timer
        // follows the moved clock) and this explicit run race for the row.
        var job = api.Services.GetRequiredService<EmergencyAccessTimeoutJob>();
        api.Clock.Advance(TimeSpan.FromDays(2) - TimeSpan.FromMinutes(1));
        Assert.Equal(0, await job.ApproveTimedOutAsync(TestContext.Current.CancellationToken));
        // Two days later both log in afresh (access tokens last an hour).
        (grantor, grantee) = (await api.LoginAsync(grantor.Account), await api.LoginAsync(grantee.Account));
        Assert.Equal(3, await StatusAsync(grantee));
        api.Clock.Advance(TimeSpan.FromMinutes(2));
        await job.ApproveTimedOutAsync(TestContext.Current.CancellationToken);
        Assert.Equal(4, await StatusAsync(grantee));
        Assert.Equal(0, await job.ApproveTimedOutAsync(TestContext.Current.CancellationToken));
        // Whichever run claimed it mails after its claim: wait for that mail, then check nobody mailed twice.
        for (var wait = 0; wait < 100 && !MailSubjects(api, grantor.Email).Contains("Emergency access granted"); wait++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
        Assert.Single(MailSubjects(api, grantee.Email), s => s == "Emergency access approved");
        Assert.Single(MailSubjects(api, grantor.Email), s => s == "Emergency access granted");

        var takeover = await grantee.Client.PostJsonAsync($"/api/emergency-access/{id}/takeover");
        Assert.Equal("emergencyAccessTakeover", takeover["object"]!.GetValue<string>());
        var userKey = Unwrap(grantee, takeover);
        Assert.Equal(grantor.Account.UserKey.ToBytes(), userKey.ToBytes());
        var kdf = new KdfSettings((KdfType)takeover["kdf"]!.GetValue<int>(), takeover["kdfIterations"]!.GetValue<int>(), null, null);
        Assert.Equal(grantor.Email, takeover["salt"]!.GetValue<string>());
        Assert.Empty((await grantee.Client.GetJsonAsync($"/api/emergency-access/{id}/policies"))["data"]!.AsArray());

        // The grantor is a plain member of someone else's org, which a takeover leaves (and that org's log says so).
        var othersOrg = await (await api.LoginNewUserAsync()).CreateOrganizationAsync();
        var membershipId = await api.AddConfirmedMemberAsync(othersOrg, grantor);

        Assert.Equal(HttpStatusCode.OK, (await grantor.Client.GetAsync("/api/accounts/profile")).StatusCode);
        // The grantee's client derives the new master key with the grantor's KDF and salt and rewraps the same user key.
        const string newPassword = "taken over by my trusted contact";
        var masterKey = ClientCrypto.MasterKey(newPassword, grantor.Email, kdf);
        await ApiClient.ReadOkOrEmptyAsync(await grantee.Client.PostAsync($"/api/emergency-access/{id}/password", new
        {
            newMasterPasswordHash = ClientCrypto.MasterPasswordHash(masterKey, newPassword),
            key = ClientCrypto.EncryptToEncString(userKey.ToBytes(), ClientCrypto.StretchMasterKey(masterKey)),
        }));

        // The grantor's session from before (its token still within its hour) ends with the new password.
        Assert.Equal(HttpStatusCode.Unauthorized, (await grantor.Client.GetAsync("/api/accounts/profile")).StatusCode);
        var after = await api.LoginAsync(grantor.Account.WithNewPassword(newPassword, kdf));
        var sync = await after.Client.GetJsonAsync("/api/sync");
        var item = sync["ciphers"]!.AsArray().Single(c => c!["id"]!.GetValue<Guid>() == cipherId)!;
        Assert.Equal("Bank", ClientCrypto.DecryptEncStringUtf8(item["name"]!.GetValue<string>(), userKey));
        Assert.Equal(userKey.ToBytes(), ClientCrypto.DecryptEncString(sync["profile"]!["key"]!.GetValue<string>(),
            ClientCrypto.StretchMasterKey(masterKey)));

        await using var scope = api.Services.CreateAsyncScope();
        var events = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Events
            .Where(e => e.UserId == grantor.Id).Select(e => e.Type).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal([EventType.EmergencyAccess_Invited, EventType.EmergencyAccess_Accepted, EventType.EmergencyAccess_Confirmed,
            EventType.EmergencyAccess_RecoveryInitiated, EventType.EmergencyAccess_RecoveryTimedOut, EventType.EmergencyAccess_TookOver],
            events.Where(t => (int)t is >= 9600 and < 9700).Order());
        var left = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Events
            .Where(e => e.OrganizationId == othersOrg.Id && e.Type == EventType.OrganizationUser_Removed)
            .Select(e => e.OrganizationUserId).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal([membershipId], left);
    }

    static async Task<int> StatusAsync(TestUser grantee) =>
        (await grantee.Client.GetJsonAsync("/api/emergency-access/granted"))["data"]!.AsArray().Single()!["status"]!.GetValue<int>();

    [Fact]
    public async Task View_AfterApproval_GranteeDecryptsTheGrantorsItems_UntilTheGrantorRejects()
    {
        var (grantor, grantee) = (await api.LoginNewUserAsync(), await api.LoginNewUserAsync());
        await TestCiphers.CreateAsync(grantor, TestCiphers.Login(grantor, "Safe combination"));
        var id = await ConfirmedAsync(api, grantor, grantee, View, waitDays: 7);
        await ApiClient.ReadErrorAsync(await grantee.Client.PostAsync($"/api/emergency-access/{id}/view"), HttpStatusCode.BadRequest);
        await ApiClient.ReadOkOrEmptyAsync(await grantee.Client.PostAsync($"/api/emergency-access/{id}/initiate"));
        // Approving is the grantor's, not the grantee's: the grantee's attempt finds nothing.
        await ApiClient.ReadErrorAsync(await grantee.Client.PostAsync($"/api/emergency-access/{id}/approve"), HttpStatusCode.NotFound);
        await ApiClient.ReadOkOrEmptyAsync(await grantor.Client.PostAsync($"/api/emergency-access/{id}/approve"));

        var view = await grantee.Client.PostJsonAsync($"/api/emergency-access/{id}/view");
        Assert.Equal("emergencyAccessView", view["object"]!.GetValue<string>());
        var key = Unwrap(grantee, view);
        var cipher = view["ciphers"]!.AsArray().Single()!;
        Assert.Equal("Safe combination", ClientCrypto.DecryptEncStringUtf8(cipher["name"]!.GetValue<string>(), key));
        Assert.False(cipher["edit"]!.GetValue<bool>());
        // A view grant is not a takeover grant.
        await ApiClient.ReadErrorAsync(await grantee.Client.PostAsync($"/api/emergency-access/{id}/takeover"), HttpStatusCode.BadRequest);

        await ApiClient.ReadOkOrEmptyAsync(await grantor.Client.PostAsync($"/api/emergency-access/{id}/reject"));
        Assert.Contains("Emergency access rejected", MailSubjects(api, grantee.Email));
        await ApiClient.ReadErrorAsync(await grantee.Client.PostAsync($"/api/emergency-access/{id}/view"), HttpStatusCode.BadRequest);
        Assert.Equal(2, (await grantor.Client.GetJsonAsync($"/api/emergency-access/{id}"))["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task OnlyTheGrantorAndTheGrantee_ReachARow_EachThroughTheirOwnSteps()
    {
        var (grantor, grantee, stranger) = (await api.LoginNewUserAsync(), await api.LoginNewUserAsync(), await api.LoginNewUserAsync());
        var id = await ConfirmedAsync(api, grantor, grantee, Takeover);
        var ea = $"/api/emergency-access/{id}";
        foreach (var (method, path) in new[] { ("GET", ""), ("GET", "/policies"), ("PUT", ""), ("DELETE", ""), ("POST", "/reinvite"),
            ("POST", "/confirm"), ("POST", "/initiate"), ("POST", "/approve"), ("POST", "/reject"), ("POST", "/takeover"),
            ("POST", "/password"), ("POST", "/view") })
        {
            var body = new { type = 1, waitTimeDays = 3, key = grantor.Account.Encrypt("k"), newMasterPasswordHash = "x" };
            var response = await stranger.Client.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), ea + path)
                { Content = System.Net.Http.Json.JsonContent.Create(body) }, TestContext.Current.CancellationToken);
            await ApiClient.ReadErrorAsync(response, HttpStatusCode.NotFound);
        }
        Assert.Empty((await stranger.Client.GetJsonAsync("/api/emergency-access/granted"))["data"]!.AsArray());
        Assert.Empty((await stranger.Client.GetJsonAsync("/api/emergency-access/trusted"))["data"]!.AsArray());
        // The grantee cannot read the grantor's row details, change the wait, or confirm; the grantor cannot initiate.
        await ApiClient.ReadErrorAsync(await grantee.Client.GetAsync(ea), HttpStatusCode.NotFound);
        await ApiClient.ReadErrorAsync(await grantee.Client.PutAsync(ea, new { type = 1, waitTimeDays = 0 + 1 }), HttpStatusCode.NotFound);
        await ApiClient.ReadErrorAsync(await grantor.Client.PostAsync($"{ea}/initiate"), HttpStatusCode.NotFound);

        await ApiClient.ReadOkOrEmptyAsync(await grantor.Client.PutAsync(ea, new { type = 0, waitTimeDays = 30 }));
        Assert.Equal(30, (await grantor.Client.GetJsonAsync(ea))["waitTimeDays"]!.GetValue<int>());
        // Either side may end it.
        await ApiClient.ReadOkOrEmptyAsync(await grantee.Client.DeleteAsync(ea));
        Assert.Empty((await grantor.Client.GetJsonAsync("/api/emergency-access/trusted"))["data"]!.AsArray());
    }

    [Fact]
    public async Task BadInput_Is400InBitwardensShape_AndWritesNothing()
    {
        var grantor = await api.LoginNewUserAsync();
        foreach (var body in new object[]
        {
            new { email = "not an address", type = 0, waitTimeDays = 1 },
            new { email = TestAccounts.NewEmail(), type = 7, waitTimeDays = 1 },
            new { email = TestAccounts.NewEmail(), type = 0, waitTimeDays = 0 },
            new { email = TestAccounts.NewEmail(), waitTimeDays = 1 },
            new { email = grantor.Email, type = 0, waitTimeDays = 1 },
        })
        {
            await ApiClient.ReadErrorAsync(await grantor.Client.PostAsync("/api/emergency-access/invite", body), HttpStatusCode.BadRequest);
        }
        Assert.Empty((await grantor.Client.GetJsonAsync("/api/emergency-access/trusted"))["data"]!.AsArray());

        var grantee = await api.LoginNewUserAsync();
        var id = await InviteAsync(api, grantor, grantee.Email, View);
        // Confirming before the contact accepted, or with a key the grantee could not open, is refused.
        await ApiClient.ReadErrorAsync(await ConfirmAsync(grantor, grantee, id), HttpStatusCode.BadRequest);
        await ApiClient.ReadErrorAsync(await grantee.Client.PostAsync($"/api/emergency-access/{id}/accept", new { token = "forged" }),
            HttpStatusCode.BadRequest);
        await ApiClient.ReadOkOrEmptyAsync(await grantee.Client.PostAsync($"/api/emergency-access/{id}/accept",
            new { token = TestMembers.ReadMailToken(api, $"id={id}") }));
        var wrong = await ApiClient.ReadErrorAsync(await grantor.Client.PostAsync($"/api/emergency-access/{id}/confirm",
            new { key = grantor.Account.Encrypt("not wrapped to the grantee") }), HttpStatusCode.BadRequest);
        Assert.NotNull(wrong["validationErrors"]);
    }

    [Fact]
    public async Task View_ListsTheGrantorsFiles_AndOnlyTheApprovedViewGranteeGetsADownloadLink()
    {
        var (grantor, grantee, other) = (await api.LoginNewUserAsync(), await api.LoginNewUserAsync(), await api.LoginNewUserAsync());
        var cipherId = await TestCiphers.CreateAsync(grantor, TestCiphers.Login(grantor, "Will"));
        var bytes = "encrypted file bytes"u8.ToArray();
        var attachmentId = await AttachmentTests.UploadAsync(grantor, cipherId, bytes);
        var othersCipher = await TestCiphers.CreateAsync(other);
        var othersFile = await AttachmentTests.UploadAsync(other, othersCipher, bytes);
        var id = await ConfirmedAsync(api, grantor, grantee, View, waitDays: 7);
        var takeoverId = await ConfirmedAsync(api, other, grantee, Takeover, waitDays: 7);
        string Link(Guid row, Guid cipher, string file) => $"/api/emergency-access/{row}/{cipher}/attachment/{file}";

        // Not before approval; never through a takeover grant; never by anyone else.
        await ApiClient.ReadErrorAsync(await grantee.Client.GetAsync(Link(id, cipherId, attachmentId)), HttpStatusCode.BadRequest);
        foreach (var row in new[] { id, takeoverId })
        {
            await ApiClient.ReadOkOrEmptyAsync(await grantee.Client.PostAsync($"/api/emergency-access/{row}/initiate"));
        }
        await ApiClient.ReadOkOrEmptyAsync(await grantor.Client.PostAsync($"/api/emergency-access/{id}/approve"));
        await ApiClient.ReadOkOrEmptyAsync(await other.Client.PostAsync($"/api/emergency-access/{takeoverId}/approve"));
        await ApiClient.ReadErrorAsync(await grantee.Client.GetAsync(Link(takeoverId, othersCipher, othersFile)), HttpStatusCode.BadRequest);
        await ApiClient.ReadErrorAsync(await grantor.Client.GetAsync(Link(id, cipherId, attachmentId)), HttpStatusCode.NotFound);
        await ApiClient.ReadErrorAsync(await other.Client.GetAsync(Link(id, cipherId, attachmentId)), HttpStatusCode.NotFound);
        // Another grantor's item, through this grant: as if it did not exist.
        await ApiClient.ReadErrorAsync(await grantee.Client.GetAsync(Link(id, othersCipher, othersFile)), HttpStatusCode.NotFound);
        await ApiClient.ReadErrorAsync(await grantee.Client.GetAsync(Link(id, cipherId, "nosuchfile")), HttpStatusCode.NotFound);

        var view = await grantee.Client.PostJsonAsync($"/api/emergency-access/{id}/view");
        var listed = view["ciphers"]!.AsArray().Single()!["attachments"]!.AsArray().Single()!;
        Assert.Equal(attachmentId, listed["id"]!.GetValue<string>());
        Assert.Equal("report.pdf", ClientCrypto.DecryptEncStringUtf8(listed["fileName"]!.GetValue<string>(), Unwrap(grantee, view)));
        var link = await grantee.Client.GetJsonAsync(Link(id, cipherId, attachmentId));
        Assert.Equal("attachment", link["object"]!.GetValue<string>());
        Assert.Equal(listed["key"]!.GetValue<string>(), link["key"]!.GetValue<string>());
        Assert.Equal(bytes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), link["size"]!.GetValue<string>());
        Assert.Equal(bytes, await api.CreateApiClient().Http.GetByteArrayAsync(link["url"]!.GetValue<string>(), TestContext.Current.CancellationToken));

        // Once the grantor revokes it, the link route closes too; an expired grant is no grant.
        await ApiClient.ReadOkOrEmptyAsync(await grantor.Client.PostAsync($"/api/emergency-access/{id}/reject"));
        await ApiClient.ReadErrorAsync(await grantee.Client.GetAsync(Link(id, cipherId, attachmentId)), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task DuringTheWait_TheGrantorIsRemindedOnTheLastDay_OnceADay()
    {
        var (grantor, grantee) = (await api.LoginNewUserAsync(), await api.LoginNewUserAsync());
        var id = await ConfirmedAsync(api, grantor, grantee, View, waitDays: 3);
        await ApiClient.ReadOkOrEmptyAsync(await grantee.Client.PostAsync($"/api/emergency-access/{id}/initiate"));
        var job = api.Services.GetRequiredService<EmergencyAccessTimeoutJob>();
        var ct = TestContext.Current.CancellationToken;
        int Reminders() => MailSubjects(api, grantor.Email).Count(s => s == "Pending emergency access request");

        // Not before the last day of the wait.
        api.Clock.Advance(TimeSpan.FromDays(2) - TimeSpan.FromMinutes(1));
        Assert.Equal(0, await job.SendRemindersAsync(ct));
        Assert.Equal(0, Reminders());
        // On the last day: one reminder, whether this run or the hosted one (its timer follows the clock) claims it.
        api.Clock.Advance(TimeSpan.FromMinutes(2));
        await job.SendRemindersAsync(ct);
        for (var wait = 0; wait < 100 && Reminders() == 0; wait++)
        {
            await Task.Delay(50, ct);
        }
        Assert.Equal(0, await job.SendRemindersAsync(ct));
        api.Clock.Advance(TimeSpan.FromHours(12));
        Assert.Equal(0, await job.SendRemindersAsync(ct));
        Assert.Equal(1, Reminders());
        // The wait ends a minute short of a day after the reminder: the recovery is granted, and no further reminder
        // goes out. (A full day later a second reminder would be due, and the hosted run woken by the previous advance
        // may still be reading rows when this one moves the clock: it could send it before the approval lands.)
        api.Clock.Advance(TimeSpan.FromHours(12) - TimeSpan.FromMinutes(1));
        await job.ApproveTimedOutAsync(ct);
        await using (var scope = api.Services.CreateAsyncScope())
        {
            // Granted by this run or by the hosted one; read from the database, as the grantee's token has expired by now.
            var status = await scope.ServiceProvider.GetRequiredService<AppDbContext>().EmergencyContacts
                .Where(e => e.Id == id).Select(e => e.Status).SingleAsync(ct);
            Assert.Equal(EmergencyAccessStatus.RecoveryApproved, status);
        }
        Assert.Equal(0, await job.SendRemindersAsync(ct));
        Assert.Equal(1, Reminders());
    }
}
