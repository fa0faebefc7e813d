using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Custodian.Tests.Infrastructure;

/// <summary>An HttpClient with the Bitwarden CLI's headers and, once logged in, a bearer token.</summary>
public sealed class ApiClient(HttpClient http)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public HttpClient Http { get; } = http;

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void UseToken(string accessToken) =>
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);

    public Task<HttpResponseMessage> GetAsync(string url) => Http.GetAsync(url, Ct);

    public Task<HttpResponseMessage> PostAsync(string url, object? body = null) => Http.PostAsJsonAsync(url, body, Json, Ct);

    public Task<HttpResponseMessage> PutAsync(string url, object? body = null) => Http.PutAsJsonAsync(url, body, Json, Ct);

    public Task<HttpResponseMessage> DeleteAsync(string url, object? body = null) =>
        Http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, url) { Content = body is null ? null : JsonContent.Create(body, options: Json) }, Ct);

    public Task<HttpResponseMessage> PostRawAsync(string url, string body, string contentType = "application/json") =>
        Http.PostAsync(url, new StringContent(body, System.Text.Encoding.UTF8, contentType), Ct);

    public Task<HttpResponseMessage> PostFormAsync(string url, IEnumerable<KeyValuePair<string, string>> form) =>
        Http.PostAsync(url, new FormUrlEncodedContent(form), Ct);

    /// <summary>GET expecting 200 and a JSON object.</summary>
    public async Task<JsonObject> GetJsonAsync(string url) => await ReadOkAsync(await GetAsync(url));

    public async Task<JsonObject> PostJsonAsync(string url, object? body = null) => await ReadOkAsync(await PostAsync(url, body));

    public async Task<JsonObject> PutJsonAsync(string url, object? body = null) => await ReadOkAsync(await PutAsync(url, body));

    /// <summary><c>GET /api/accounts/revision-date</c>: milliseconds since the epoch, a bare JSON number.</summary>
    public async Task<long> GetRevisionDateAsync()
    {
        var response = await GetAsync("/api/accounts/revision-date");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return long.Parse(await response.Content.ReadAsStringAsync(Ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task<JsonObject> ReadOkAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>Asserts a 200 with a bare JSON array (a few routes answer lists without the envelope).</summary>
    public static async Task<JsonArray> ReadArrayAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsArray();
    }

    /// <summary>Asserts a 200 for routes that answer without a body.</summary>
    public static async Task ReadOkOrEmptyAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200, got {(int)response.StatusCode}: {text}");
    }

    /// <summary>Asserts Bitwarden's error shape and status; returns the body for further checks.</summary>
    public static async Task<JsonObject> ReadErrorAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(text)!.AsObject();
        Assert.Equal("error", body["object"]?.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(body["message"]?.GetValue<string>()));
        return body;
    }
}
