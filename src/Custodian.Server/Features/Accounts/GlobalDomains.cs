namespace Custodian.Server.Features.Accounts;

/// <summary>
/// Built-in groups of domains that share one login, offered to every account; a user can switch single groups off.
/// The type numbers are this server's own and only need to stay stable: clients send them back when excluding.
/// </summary>
public static class GlobalDomains
{
    public static readonly IReadOnlyDictionary<int, string[]> All = new Dictionary<int, string[]>
    {
        [0] = ["google.com", "youtube.com", "gmail.com", "google.co.uk", "google.de", "google.fr", "google.ca", "google.com.au"],
        [1] = ["apple.com", "icloud.com", "me.com"],
        [2] = ["microsoft.com", "live.com", "outlook.com", "hotmail.com", "office.com", "microsoftonline.com", "xbox.com", "skype.com", "bing.com", "azure.com"],
        [3] = ["amazon.com", "amazon.co.uk", "amazon.de", "amazon.fr", "amazon.ca", "amazon.it", "amazon.es", "amazon.co.jp", "amazon.com.au"],
        [4] = ["ebay.com", "ebay.co.uk", "ebay.de", "ebay.fr", "ebay.ca", "ebay.com.au"],
        [5] = ["paypal.com", "paypal.me"],
        [6] = ["facebook.com", "messenger.com", "instagram.com"],
        [7] = ["yahoo.com", "flickr.com", "tumblr.com"],
        [8] = ["atlassian.com", "atlassian.net", "bitbucket.org", "trello.com"],
        [9] = ["github.com", "githubusercontent.com"],
        [10] = ["gitlab.com", "gitlab.io"],
        [11] = ["dropbox.com", "dropboxusercontent.com"],
        [12] = ["zoom.us", "zoom.com"],
        [13] = ["steampowered.com", "steamcommunity.com"],
        [14] = ["ea.com", "origin.com"],
        [15] = ["ubisoft.com", "ubi.com"],
        [16] = ["autodesk.com", "autodesk.net"],
        [17] = ["mozilla.org", "firefox.com"],
        [18] = ["slack.com", "slack-edge.com"],
        [19] = ["salesforce.com", "force.com"],
        [20] = ["wellsfargo.com", "wf.com"],
        [21] = ["bankofamerica.com", "bofa.com", "mbna.com"],
        [22] = ["americanexpress.com", "amex.com"],
        [23] = ["playstation.com", "sonyentertainmentnetwork.com"],
        [24] = ["nintendo.com", "nintendo.net"],
        [25] = ["wikipedia.org", "wikimedia.org", "wiktionary.org"],
        [26] = ["adobe.com", "behance.net"],
        [27] = ["att.com", "att.net"],
        [28] = ["verizon.com", "verizonwireless.com"],
        [29] = ["linkedin.com", "lnkd.in"],
    };
}
