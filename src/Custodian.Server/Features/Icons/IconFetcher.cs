using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Custodian.Server.Features.Icons;

/// <summary>An icon's bytes and the image type its first bytes prove it to be.</summary>
public sealed record Icon(byte[] Bytes, string ContentType);

/// <summary>
/// Fetches <c>/favicon.ico</c> of a site, safely: every host (the first and each redirect's) is resolved here and
/// refused unless all its addresses are public, and the connection goes to those very addresses (the handler's
/// ConnectCallback reads them from the request), so a second DNS answer cannot point elsewhere. Only http(s) on the
/// default ports, at most three redirects, the configured time and size, and only bytes that are a raster image.
/// </summary>
public sealed class IconFetcher(IOptions<IconOptions> options, IIconHostResolver resolver,
    [FromKeyedServices(IconFetcher.HandlerKey)] HttpMessageHandler handler, ILogger<IconFetcher> logger)
{
    public const string HandlerKey = "Custodian.Icons";
    const int MaxRedirects = 3;

    /// <summary>The checked addresses a request may connect to (read by <see cref="ConnectToCheckedAddressAsync"/>).</summary>
    public static readonly HttpRequestOptionsKey<IPAddress[]> CheckedAddresses = new("Custodian.Icons.CheckedAddresses");

    readonly HttpMessageInvoker _http = new(handler, disposeHandler: false);

    public async Task<Icon?> FetchAsync(string domain, CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(options.Value.Timeout);
        foreach (var scheme in new[] { "https", "http" })
        {
            try
            {
                if (await FollowAsync(new Uri($"{scheme}://{domain}/favicon.ico"), limit.Token) is { } icon)
                {
                    return icon;
                }
            }
            catch (Exception e) when (e is HttpRequestException or IOException or OperationCanceledException && !ct.IsCancellationRequested)
            {
                logger.LogDebug("No icon for {Domain} over {Scheme}: {Reason}", domain, scheme, e.GetType().Name);
            }
        }
        return null;
    }

    async Task<Icon?> FollowAsync(Uri uri, CancellationToken ct)
    {
        for (var hop = 0; hop <= MaxRedirects; hop++)
        {
            if (uri.Scheme is not ("http" or "https") || !uri.IsDefaultPort)
            {
                return null;
            }
            if (await IconAddressGuard.ResolvePublicAsync(resolver, uri.IdnHost, ct) is not { } addresses)
            {
                logger.LogInformation("Icon fetch refused: {Host} does not resolve to public addresses only", uri.IdnHost);
                return null;
            }
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Options.Set(CheckedAddresses, addresses);
            request.Headers.Accept.ParseAdd("image/*");
            request.Headers.UserAgent.ParseAdd("Custodian-Icons/1.0");
            using var response = await _http.SendAsync(request, ct);
            if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location)
            {
                uri = new Uri(uri, location);
                continue;
            }
            return response.IsSuccessStatusCode ? await ReadImageAsync(response, ct) : null;
        }
        return null;
    }

    async Task<Icon?> ReadImageAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var declared = response.Content.Headers.ContentType?.MediaType ?? "";
        var max = options.Value.MaxBytes;
        if (!declared.StartsWith("image/", StringComparison.OrdinalIgnoreCase) || response.Content.Headers.ContentLength > max)
        {
            return null;
        }
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        var buffer = new byte[max + 1];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = await body.ReadAsync(buffer.AsMemory(total), ct)) > 0)
        {
            total += read;
        }
        if (total > max)
        {
            return null;
        }
        var bytes = buffer[..total];
        // The declared type is the site's word; the bytes decide (SVG, which can carry script, is never served).
        return IconImage.Sniff(bytes) is { } type ? new Icon(bytes, type) : null;
    }

    /// <summary>The handler of production: no proxy (it would resolve names itself), no automatic redirects.</summary>
    public static SocketsHttpHandler CreateHandler(IconOptions options) => new()
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        ConnectTimeout = options.Timeout,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectCallback = ConnectToCheckedAddressAsync,
    };

    static async ValueTask<Stream> ConnectToCheckedAddressAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        if (!context.InitialRequestMessage.Options.TryGetValue(CheckedAddresses, out var addresses) || addresses.Length == 0)
        {
            throw new HttpRequestException("Icon requests connect only to addresses checked beforehand.");
        }
        SocketException? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
        throw new HttpRequestException("Could not connect to the site.", last);
    }
}

/// <summary>Raster image types recognised by their first bytes.</summary>
public static class IconImage
{
    public static string? Sniff(ReadOnlySpan<byte> b) => b switch
    {
        [0x89, (byte)'P', (byte)'N', (byte)'G', ..] => "image/png",
        [0x00, 0x00, 0x01, 0x00, ..] => "image/x-icon",
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        [(byte)'G', (byte)'I', (byte)'F', (byte)'8', ..] => "image/gif",
        [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..] => "image/webp",
        _ => null,
    };
}
