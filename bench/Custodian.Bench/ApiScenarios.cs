using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Custodian.Bench;

/// <summary>The benchmarked requests, each as an official client sends it, checked for a 200 and a sane body.</summary>
public sealed class ApiScenarios(HttpClient http, BenchManifest manifest)
{
    readonly Dictionary<string, string> _tokens = [];
    readonly Payloads _payloads = new(seed: 7);
    readonly Lock _payloadLock = new();

    /// <summary>Checks bodies (item counts, lists) when set; the driver verifies once, then measures with it off so
    /// that the driver's own JSON parsing is not part of the server's latency.</summary>
    public bool Verify { get; set; } = true;

    public async Task LoginAllAsync(CancellationToken ct)
    {
        foreach (var email in manifest.SyncUsers.Select(u => u.Email).Concat(manifest.Technicians.Select(t => t.Email))
                     .Append(manifest.ProviderAdminEmail).Append(manifest.BigOrgOwnerEmail).Append(WriterEmail))
        {
            _tokens[email] = await LoginAsync(email, ct);
        }
        _tokens[OrganizationToken] = await LoginOrganizationAsync(ct);
    }

    const string OrganizationToken = "organization";

    /// <summary>The big org's public API token, as Directory Connector gets one: the owner reveals the key, the key logs in.</summary>
    async Task<string> LoginOrganizationAsync(CancellationToken ct)
    {
        var key = await SendAsync(HttpMethod.Post, $"/api/organizations/{manifest.BigOrgId}/api-key", manifest.BigOrgOwnerEmail,
            new { masterPasswordHash = manifest.ClientPasswordHash }, ct);
        using var response = await http.PostAsync("/identity/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = $"organization.{manifest.BigOrgId}",
            ["client_secret"] = key["apiKey"]?.GetValue<string>() ?? throw new BenchFailure("no apiKey"), ["scope"] = "api.organization",
        }), ct);
        return (await ReadAsync(response, ct))["access_token"]?.GetValue<string>() ?? throw new BenchFailure("no organization access_token");
    }

    /// <summary>A member of a small client whose own vault takes the created items, so sync counts stay exact.</summary>
    public string WriterEmail => $"user{manifest.Shape.BigOrgMembers:D6}@bench.test";

    /// <summary>Any of the regular users, as a new device of the web vault would log in.</summary>
    public string LoginEmail(int sequence) =>
        $"user{manifest.Shape.BigOrgMembers + sequence % (manifest.Shape.Users - manifest.Shape.BigOrgMembers - 10):D6}@bench.test";

    public async Task<string> LoginAsync(string email, CancellationToken ct)
    {
        using var response = await http.PostAsync("/identity/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["username"] = email, ["password"] = manifest.ClientPasswordHash,
            ["scope"] = "api offline_access", ["client_id"] = "web", ["deviceType"] = "9",
            ["deviceIdentifier"] = Guid.NewGuid().ToString(), ["deviceName"] = "chrome",
        }), ct);
        var body = await ReadAsync(response, ct);
        return body["access_token"]?.GetValue<string>() ?? throw new BenchFailure("no access_token");
    }

    public async Task SyncAsync(SyncUser user, CancellationToken ct)
    {
        var body = await GetAsync("/api/sync?excludeDomains=true", user.Email, ct);
        if (Verify && body["ciphers"]!.AsArray().Count != user.Items)
        {
            throw new BenchFailure($"sync of {user.Email} returned {body["ciphers"]!.AsArray().Count} items, expected {user.Items}");
        }
    }

    /// <summary>
    /// A provider user's sync: the items of the clients they carry (up to every client's, about 1 GB of JSON). Every
    /// answer, measured ones included, is checked against <paramref name="expected"/> (the baseline's ids) by reading
    /// only the item ids off the stream as it arrives (a parsed tree of the body would take gigabytes), so its latency
    /// includes that read, as a client's includes its own.
    /// </summary>
    public async Task ProviderSyncAsync(string email, Func<CancellationToken, Task<HashSet<Guid>>> expected, CancellationToken ct)
    {
        using var request = Request(HttpMethod.Get, "/api/sync?excludeDomains=true", email);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new BenchFailure($"sync of {email}: {(int)response.StatusCode}");
        }
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        var items = (await System.Text.Json.JsonSerializer.DeserializeAsync<SyncIds>(stream, JsonOptions, ct))?.Ciphers ?? [];
        var want = await expected(ct);
        var got = items.Select(i => i.Id).ToHashSet();
        if (got.Count != items.Count || !got.SetEquals(want))
        {
            throw new BenchFailure($"sync of {email} returned {items.Count} items ({got.Count} distinct, {got.Except(want).Count()} not expected), expected {want.Count}");
        }
    }

    static readonly System.Text.Json.JsonSerializerOptions JsonOptions = new(System.Text.Json.JsonSerializerDefaults.Web);

    sealed record SyncIds(List<ItemId> Ciphers);

    sealed record ItemId(Guid Id);

    public Task ClientPageAsync(int page, string? search, CancellationToken ct) => ExpectItemsAsync(
        $"/api/providers/{manifest.ProviderId}/organizations?page={page}&pageSize={ClientPageSize}" + (search is null ? "" : $"&search={Uri.EscapeDataString(search)}"),
        manifest.ProviderAdminEmail, ct);

    public const int ClientPageSize = 100;

    /// <summary>The continuation token that leads to page <paramref name="page"/>, found once by walking the pages.</summary>
    public async Task<string> ClientTokenForPageAsync(int page, CancellationToken ct)
    {
        var token = "";
        for (var i = 1; i < page; i++)
        {
            var body = await GetAsync(ClientPath(token), manifest.ProviderAdminEmail, ct);
            token = body["continuationToken"]?.GetValue<string>() ?? throw new BenchFailure($"no continuation token after page {i}");
        }
        return token;
    }

    /// <summary>A page by keyset: the continuation token of the page before, as Bitwarden's clients page lists.</summary>
    public Task ClientPageAfterAsync(string token, CancellationToken ct) => ExpectItemsAsync(ClientPath(token), manifest.ProviderAdminEmail, ct);

    string ClientPath(string token) => $"/api/providers/{manifest.ProviderId}/organizations?pageSize={ClientPageSize}"
        + (token.Length == 0 ? "" : $"&continuationToken={Uri.EscapeDataString(token)}");

    /// <summary>
    /// The cross-client dashboard's first page: rows present, every row's figures consistent (pending members are among
    /// the occupied seats).
    /// </summary>
    public async Task DashboardPageAsync(CancellationToken ct)
    {
        var path = $"/api/providers/{manifest.ProviderId}/dashboard?pageSize={ClientPageSize}";
        var body = await GetAsync(path, manifest.ProviderAdminEmail, ct);
        if (!Verify)
        {
            return;
        }
        var rows = body["data"]?.AsArray() ?? throw new BenchFailure($"{path}: no data list");
        if (rows.Count == 0 || rows.Count > ClientPageSize)
        {
            throw new BenchFailure($"{path}: {rows.Count} rows");
        }
        foreach (var row in rows)
        {
            int Get(string name) => row![name]!.GetValue<int>();
            if (Get("pendingAcceptance") + Get("pendingConfirmation") > Get("occupiedSeats") || Get("withoutTwoStep") > Get("occupiedSeats"))
            {
                throw new BenchFailure($"{path}: inconsistent figures for {row!["organizationId"]}");
            }
        }
    }

    public Task MembersAsync(CancellationToken ct) =>
        ExpectItemsAsync($"/api/organizations/{manifest.BigOrgId}/users", manifest.BigOrgOwnerEmail, ct, manifest.Shape.BigOrgMembers);

    public Task PublicMembersAsync(CancellationToken ct) =>
        ExpectItemsAsync("/api/public/members", OrganizationToken, ct, manifest.Shape.BigOrgMembers);

    public Task EventPageAsync(CancellationToken ct) => ExpectItemsAsync(
        $"/api/organizations/{manifest.BigOrgId}/events?start={manifest.EventsFrom:O}&end={manifest.EventsTo:O}", manifest.BigOrgOwnerEmail, ct);

    public async Task CreateCipherAsync(CancellationToken ct)
    {
        string name, username, password, uri;
        lock (_payloadLock)
        {
            (name, username, password, uri) = (_payloads.EncString(20), _payloads.EncString(24), _payloads.EncString(20), _payloads.EncString(40));
        }
        await SendAsync(HttpMethod.Post, "/api/ciphers", WriterEmail, new
        {
            type = 1, name, notes = (string?)null, favorite = false, reprompt = 0,
            login = new { username, password, uris = new[] { new { uri, match = (int?)null } } },
        }, ct);
    }

    public async Task CreateClientAsync(int sequence, CancellationToken ct)
    {
        string key, publicKey, privateKey, collection;
        lock (_payloadLock)
        {
            (key, publicKey, privateKey, collection) = (_payloads.EncString(64), _payloads.PublicKey(), _payloads.EncString(1218), _payloads.EncString(20));
        }
        await SendAsync(HttpMethod.Post, $"/api/providers/{manifest.ProviderId}/clients", manifest.ProviderAdminEmail, new
        {
            name = $"New client {sequence:D6}", ownerEmail = $"owner{sequence}@new-client.test", planType = 20, seats = 10,
            key, keyPair = new { publicKey, encryptedPrivateKey = privateKey }, collectionName = collection,
        }, ct);
    }

    async Task ExpectItemsAsync(string path, string email, CancellationToken ct, int? expected = null)
    {
        var body = await GetAsync(path, email, ct);
        if (!Verify)
        {
            return;
        }
        var data = body["data"]?.AsArray() ?? throw new BenchFailure($"{path}: no data list");
        if (data.Count == 0 || (expected is { } count && data.Count != count))
        {
            throw new BenchFailure($"{path}: {data.Count} rows");
        }
    }

    Task<JsonObject> GetAsync(string path, string email, CancellationToken ct) => SendAsync(HttpMethod.Get, path, email, null, ct);

    async Task<JsonObject> SendAsync(HttpMethod method, string path, string email, object? body, CancellationToken ct)
    {
        using var request = Request(method, path, email);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        // Unverified bodies are read off the socket and dropped as they arrive, as a streaming client would: the
        // default buffers a whole 9.6 MB sync in a growing MemoryStream first, work on the cores the server shares.
        using var response = await http.SendAsync(request, Verify ? HttpCompletionOption.ResponseContentRead : HttpCompletionOption.ResponseHeadersRead, ct);
        if (!Verify && response.IsSuccessStatusCode)
        {
            await using var stream = await response.Content.ReadAsStreamAsync(ct);
            await stream.CopyToAsync(Stream.Null, ct);
            return [];
        }
        return await ReadAsync(response, ct);
    }

    HttpRequestMessage Request(HttpMethod method, string path, string email)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _tokens[email]);
        return request;
    }

    static async Task<JsonObject> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new BenchFailure($"{(int)response.StatusCode} {text[..Math.Min(200, text.Length)]}");
        }
        // Some routes answer 200 with an empty body, as Bitwarden's do.
        return text.Length == 0 ? [] : JsonNode.Parse(text)?.AsObject() ?? throw new BenchFailure("null body");
    }
}
