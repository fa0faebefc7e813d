using System.Runtime.InteropServices;

namespace Custodian.Server.Features.Vault;

/// <summary>
/// The (item, collection) links a sync reads, held as one array of value pairs sorted by item, 32 bytes a link.
/// A provider's sync reaches every client's items (half a million links in bench/README.md), which as an
/// <see cref="ILookup{TKey,TElement}"/> of groupings held about 100 MB more until the last item was written.
/// </summary>
public sealed class CollectionLinkIndex
{
    readonly List<(Guid CipherId, Guid CollectionId)> _links;

    public CollectionLinkIndex(List<(Guid CipherId, Guid CollectionId)> links)
    {
        links.Sort(static (x, y) => x.CipherId.CompareTo(y.CipherId));
        _links = links;
    }

    /// <summary>The collections <paramref name="cipherId"/> is in, as read (the rules order them).</summary>
    public List<Guid> Of(Guid cipherId)
    {
        var links = CollectionsMarshal.AsSpan(_links);
        var low = 0;
        var high = links.Length;
        while (low < high)
        {
            var middle = low + (high - low) / 2;
            if (links[middle].CipherId.CompareTo(cipherId) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        var found = new List<Guid>();
        for (var i = low; i < links.Length && links[i].CipherId == cipherId; i++)
        {
            found.Add(links[i].CollectionId);
        }
        return found;
    }
}
