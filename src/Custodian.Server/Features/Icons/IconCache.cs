using Custodian.Server.Infrastructure.Data;
using Microsoft.Extensions.Options;

namespace Custodian.Server.Features.Icons;

/// <summary>
/// Icons on disk under <c>{DataDirectory}/icons</c> (0700: which sites the users' items name is their business):
/// <c>{domain}.icon</c> holds a fetched image, <c>{domain}.none</c> marks a site that had none (negative caching).
/// The file's write time is its age. Domains are validated before they get here, so they are safe as file names.
/// </summary>
public sealed class IconCache(IOptions<DatabaseOptions> data, IOptions<IconOptions> options, TimeProvider time)
{
    string Directory => Path.Combine(Path.GetFullPath(data.Value.DataDirectory), "icons");

    /// <summary>Hit: the icon, or null for a remembered miss. Not cached or expired: <c>found</c> is false.</summary>
    public (bool Found, Icon? Icon) Read(string domain)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var icon = new FileInfo(Path.Combine(Directory, $"{domain}.icon"));
        if (icon.Exists && now - icon.LastWriteTimeUtc < options.Value.CacheLifetime)
        {
            var bytes = File.ReadAllBytes(icon.FullName);
            if (IconImage.Sniff(bytes) is { } type)
            {
                return (true, new Icon(bytes, type));
            }
        }
        var none = new FileInfo(Path.Combine(Directory, $"{domain}.none"));
        return none.Exists && now - none.LastWriteTimeUtc < options.Value.NegativeCacheLifetime ? (true, null) : (false, null);
    }

    /// <summary>Not cancelled with the request: an icon already fetched is worth keeping.</summary>
    public async Task WriteAsync(string domain, Icon? icon)
    {
        var directory = DataFiles.EnsureDirectory(Directory);
        await DataFiles.WriteWholeAsync(Path.Combine(directory, icon is null ? $"{domain}.none" : $"{domain}.icon"),
            temp => File.WriteAllBytesAsync(temp, icon?.Bytes ?? []));
        File.Delete(Path.Combine(directory, icon is null ? $"{domain}.icon" : $"{domain}.none"));
    }
}
