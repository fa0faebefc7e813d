using System.Net;
using System.Text.Json.Nodes;
using Custodian.Tests.Infrastructure;
using Custodian.Tests.Support;

namespace Custodian.Tests.Identity;

public sealed class RegistrationTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    const string Register = "/identity/accounts/register";
    const string SendVerification = "/identity/accounts/register/send-verification-email";
    const string Finish = "/identity/accounts/register/finish";

    [Fact]
    public async Task Register_ValidAccount_CanLogInWithTheSameKeys()
    {
        var account = await api.RegisterAsync();

        var token = await api.PasswordLoginAsync(account);

        Assert.Equal(account.ProtectedUserKey, token["Key"]!.GetValue<string>());
        Assert.Equal(account.PublicKey, token["AccountKeys"]!["publicKeyEncryptionKeyPair"]!["publicKey"]!.GetValue<string>());
    }

    [Fact]
    public async Task Register_EmailAlreadyTaken_Returns400()
    {
        var account = await api.RegisterAsync();
        var again = ClientAccount.CreateFast(account.Email.ToUpperInvariant(), "other password");

        var response = await api.CreateApiClient().PostAsync(Register, TestAccounts.RegisterBody(again));

        var error = await ApiClient.ReadErrorAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("already taken", error["validationErrors"]!["Email"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    public static TheoryData<string, string> BadFields => new()
    {
        { "key", "not-an-encstring" },
        { "key", "2.onlyonepart" },
        { "email", "not an email" },
        { "masterPasswordHint", new string('h', 51) },
        { "name", new string('n', 51) },
        { "masterPasswordHash", "" },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task Register_InvalidField_Returns400NamingTheField(string field, string value)
    {
        var body = Body(ClientAccount.CreateFast(TestAccounts.NewEmail(), "pw"));
        body[field] = value;

        var response = await api.CreateApiClient().PostAsync(Register, body);

        var error = await ApiClient.ReadErrorAsync(response, HttpStatusCode.BadRequest);
        Assert.NotNull(error["validationErrors"]);
    }

    [Fact]
    public async Task Register_PublicKeyNotRsa_Returns400()
    {
        var body = Body(ClientAccount.CreateFast(TestAccounts.NewEmail(), "pw"));
        body["keys"]!["publicKey"] = Convert.ToBase64String(new byte[64]);

        var error = await ApiClient.ReadErrorAsync(await api.CreateApiClient().PostAsync(Register, body), HttpStatusCode.BadRequest);

        Assert.NotNull(error["validationErrors"]!["PublicKey"]);
    }

    [Theory]
    [InlineData(0, 4999, null, null)]
    [InlineData(0, 2_000_001, null, null)]
    [InlineData(1, 1, 64, 4)]
    [InlineData(1, 3, 8, 4)]
    [InlineData(1, 3, 64, 0)]
    [InlineData(7, 600000, null, null)]
    public async Task Register_KdfOutOfBounds_Returns400(int kdf, int iterations, int? memory, int? parallelism)
    {
        var body = Body(ClientAccount.CreateFast(TestAccounts.NewEmail(), "pw"));
        body["kdf"] = kdf;
        body["kdfIterations"] = iterations;
        body["kdfMemory"] = memory;
        body["kdfParallelism"] = parallelism;

        var error = await ApiClient.ReadErrorAsync(await api.CreateApiClient().PostAsync(Register, body), HttpStatusCode.BadRequest);

        Assert.NotNull(error["validationErrors"]!["Kdf"]);
    }

    [Fact]
    public async Task Register_InvalidJson_Returns400NotServerError()
    {
        var response = await api.CreateApiClient().PostRawAsync(Register, "{\"email\": \"a@b.c\", ");

        await ApiClient.ReadErrorAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task SendVerificationEmail_WithoutMailService_ReturnsTokenThatFinishAccepts()
    {
        var account = ClientAccount.CreateFast(TestAccounts.NewEmail(), TestAccounts.DefaultPassword);
        var token = await SendVerificationAsync(account.Email);

        var response = await api.CreateApiClient().PostAsync(Finish, FinishBody(account, token));

        await ApiClient.ReadOkAsync(response);
        var login = await api.PasswordLoginAsync(account);
        Assert.Equal(account.ProtectedUserKey, login["Key"]!.GetValue<string>());
    }

    [Fact]
    public async Task Finish_LegacyFlatFields_AreAccepted()
    {
        var account = ClientAccount.CreateFast(TestAccounts.NewEmail(), TestAccounts.DefaultPassword);
        var body = new
        {
            email = account.Email,
            emailVerificationToken = await SendVerificationAsync(account.Email),
            masterPasswordHash = account.MasterPasswordHash,
            userSymmetricKey = account.ProtectedUserKey,
            kdf = 0,
            kdfIterations = account.Kdf.Iterations,
            userAsymmetricKeys = new { publicKey = account.PublicKey, encryptedPrivateKey = account.EncryptedPrivateKey },
        };

        await ApiClient.ReadOkAsync(await api.CreateApiClient().PostAsync(Finish, body));

        await api.PasswordLoginAsync(account);
    }

    [Fact]
    public async Task Finish_TokenForAnotherEmail_Returns400()
    {
        var account = ClientAccount.CreateFast(TestAccounts.NewEmail(), TestAccounts.DefaultPassword);
        var token = await SendVerificationAsync(TestAccounts.NewEmail());

        var error = await ApiClient.ReadErrorAsync(
            await api.CreateApiClient().PostAsync(Finish, FinishBody(account, token)), HttpStatusCode.BadRequest);

        Assert.NotNull(error["validationErrors"]!["EmailVerificationToken"]);
    }

    [Fact]
    public async Task Finish_TamperedToken_Returns400()
    {
        var account = ClientAccount.CreateFast(TestAccounts.NewEmail(), TestAccounts.DefaultPassword);
        var token = await SendVerificationAsync(account.Email);

        var response = await api.CreateApiClient().PostAsync(Finish, FinishBody(account, TestTokens.Tampered(token)));

        await ApiClient.ReadErrorAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Finish_SaltIsNotTheEmail_Returns400()
    {
        var account = ClientAccount.CreateFast(TestAccounts.NewEmail(), TestAccounts.DefaultPassword);
        var body = FinishBody(account, await SendVerificationAsync(account.Email));
        body["masterPasswordAuthentication"]!["salt"] = "someone-else@example.com";
        body["masterPasswordUnlock"]!["salt"] = "someone-else@example.com";

        var error = await ApiClient.ReadErrorAsync(await api.CreateApiClient().PostAsync(Finish, body), HttpStatusCode.BadRequest);

        Assert.NotNull(error["validationErrors"]!["Salt"]);
    }

    [Fact]
    public async Task Finish_AuthenticationAndUnlockKdfDiffer_Returns400()
    {
        var account = ClientAccount.CreateFast(TestAccounts.NewEmail(), TestAccounts.DefaultPassword);
        var body = FinishBody(account, await SendVerificationAsync(account.Email));
        body["masterPasswordUnlock"]!["kdf"]!["iterations"] = 700000;

        var response = await api.CreateApiClient().PostAsync(Finish, body);

        await ApiClient.ReadErrorAsync(response, HttpStatusCode.BadRequest);
    }

    async Task<string> SendVerificationAsync(string email)
    {
        var response = await api.CreateApiClient().PostAsync(SendVerification, new { email, name = "New", receiveMarketingEmails = false });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!.GetValue<string>();
    }

    static JsonObject Body(ClientAccount account) =>
        JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(TestAccounts.RegisterBody(account), ApiClient.Json))!.AsObject();

    /// <summary>What the 2026 web client sends: legacy fields and the grouped objects together.</summary>
    internal static JsonObject FinishBody(ClientAccount a, string token)
    {
        var kdf = new JsonObject { ["kdfType"] = (int)a.Kdf.Type, ["iterations"] = a.Kdf.Iterations, ["memory"] = a.Kdf.Memory, ["parallelism"] = a.Kdf.Parallelism };
        return new JsonObject
        {
            ["email"] = a.Email,
            ["emailVerificationToken"] = token,
            ["masterPasswordHint"] = null,
            ["masterPasswordAuthentication"] = new JsonObject { ["salt"] = a.Email, ["kdf"] = kdf.DeepClone(), ["masterPasswordAuthenticationHash"] = a.MasterPasswordHash },
            ["masterPasswordUnlock"] = new JsonObject { ["salt"] = a.Email, ["kdf"] = kdf.DeepClone(), ["masterKeyWrappedUserKey"] = a.ProtectedUserKey },
            ["userAsymmetricKeys"] = new JsonObject { ["publicKey"] = a.PublicKey, ["encryptedPrivateKey"] = a.EncryptedPrivateKey },
        };
    }
}

/// <summary>Signups switched off by the operator: plain registration is refused, the answer says why.</summary>
public sealed class SignupsDisabledFactory : ApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Signups:Allowed"] = "false" };
}

public sealed class SignupsDisabledTests(SignupsDisabledFactory api) : IClassFixture<SignupsDisabledFactory>
{
    [Fact]
    public async Task Register_SignupsDisabled_Returns400()
    {
        var account = ClientAccount.CreateFast(TestAccounts.NewEmail(), "pw");

        var error = await ApiClient.ReadErrorAsync(
            await api.CreateApiClient().PostAsync("/identity/accounts/register", TestAccounts.RegisterBody(account)), HttpStatusCode.BadRequest);

        Assert.Contains("disabled", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendVerificationEmail_SignupsDisabled_Returns400()
    {
        var response = await api.CreateApiClient().PostAsync("/identity/accounts/register/send-verification-email",
            new { email = TestAccounts.NewEmail(), name = "x", receiveMarketingEmails = false });

        await ApiClient.ReadErrorAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Config_SignupsDisabled_TellsClients()
    {
        var config = await api.CreateApiClient().GetJsonAsync("/api/config");

        Assert.True(config["settings"]!["disableUserRegistration"]!.GetValue<bool>());
    }
}
