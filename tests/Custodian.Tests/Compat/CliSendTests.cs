using System.Text.Json.Nodes;

namespace Custodian.Tests.Compat;

/// <summary>
/// The official CLI's Sends: <c>bw send</c> (text and file), list, edit, delete, and <c>bw receive</c> from a
/// second, logged-out CLI through the <c>send_access</c> grant, with and without a password. Every check is on
/// the decrypted content, so the wire shapes, ids and key handling must all be right.
/// </summary>
[Collection(CompatCollection.Name)]
public sealed class CliSendTests(CompatServer server) : IClassFixture<CompatServer>
{
    async Task<BwCli> RecipientAsync()
    {
        var recipient = new BwCli(server);
        (await recipient.ConfigServerAsync()).EnsureSuccess("config server (recipient)");
        return recipient;
    }

    [Fact]
    public async Task TextSend_CreateListEditReceiveDelete_RoundTrips()
    {
        var (bw, _) = await BwCli.LoginNewUserAsync(server);
        using var _bw = bw;
        using var recipient = await RecipientAsync();

        var created = (await bw.RunAsync("send", "-n", "Greeting", "--fullObject", "hello from Custodian ✓")).EnsureSuccess("send").Json();
        var id = created["id"]!.GetValue<string>();
        var url = created["accessUrl"]!.GetValue<string>();
        Assert.StartsWith($"{server.BaseUrl}/#/send/", url, StringComparison.Ordinal);
        Assert.Equal("hello from Custodian ✓", created["text"]!["text"]!.GetValue<string>());

        Assert.Equal("hello from Custodian ✓", (await recipient.RunAsync("receive", url)).EnsureSuccess("receive").Stdout);

        var list = (await bw.RunAsync("send", "list")).EnsureSuccess("send list").Json().AsArray();
        Assert.Contains(list, s => s!["id"]!.GetValue<string>() == id && s["name"]!.GetValue<string>() == "Greeting");

        var edited = (JsonObject)(await bw.RunAsync("send", "get", id)).EnsureSuccess("send get").Json();
        edited["name"] = "Greeting, edited";
        edited["text"]!["text"] = "edited text";
        edited["maxAccessCount"] = 5;
        var saved = (await bw.RunAsync("send", "edit", BwCli.Encode(edited))).EnsureSuccess("send edit").Json();
        Assert.Equal("Greeting, edited", saved["name"]!.GetValue<string>());
        Assert.Equal(5, saved["maxAccessCount"]!.GetValue<int>());
        (await bw.RunAsync("sync", "--force")).EnsureSuccess("sync");
        var synced = (await bw.RunAsync("send", "get", id)).EnsureSuccess("send get after sync").Json();
        Assert.Equal("edited text", synced["text"]!["text"]!.GetValue<string>());
        Assert.Equal(1, synced["accessCount"]!.GetValue<int>());
        Assert.Equal("edited text", (await recipient.RunAsync("receive", url)).EnsureSuccess("receive edited").Stdout);

        (await bw.RunAsync("send", "delete", id)).EnsureSuccess("send delete");
        var gone = await recipient.RunAsync("receive", url);
        Assert.NotEqual(0, gone.ExitCode);
        Assert.DoesNotContain(((await bw.RunAsync("send", "list")).EnsureSuccess("send list after delete").Json()).AsArray(),
            s => s!["id"]!.GetValue<string>() == id);
    }

    [Fact]
    public async Task PasswordSend_ReceiveNeedsThePassword()
    {
        var (bw, _) = await BwCli.LoginNewUserAsync(server);
        using var _bw = bw;
        using var recipient = await RecipientAsync();
        var created = (await bw.RunAsync("send", "-n", "Secret", "--password", "open sesame", "--fullObject", "the vault code is 1234"))
            .EnsureSuccess("send --password").Json();
        var url = created["accessUrl"]!.GetValue<string>();

        var without = await recipient.RunAsync("receive", url);
        Assert.NotEqual(0, without.ExitCode);
        Assert.Contains("Password required", without.Stdout + without.Stderr, StringComparison.Ordinal);
        var wrong = await recipient.RunAsync("receive", url, "--password", "guess");
        Assert.NotEqual(0, wrong.ExitCode);
        Assert.Contains("Invalid password", wrong.Stdout + wrong.Stderr, StringComparison.Ordinal);
        Assert.True(created["passwordSet"]!.GetValue<bool>());
        Assert.Equal("the vault code is 1234", (await recipient.RunAsync("receive", url, "--password", "open sesame")).EnsureSuccess("receive --password").Stdout);
    }

    [Fact]
    public async Task FileSend_UploadsAndReceivesTheSameBytes()
    {
        var (bw, _) = await BwCli.LoginNewUserAsync(server);
        using var _bw = bw;
        using var recipient = await RecipientAsync();
        var folder = Directory.CreateTempSubdirectory("custodian-send-");
        try
        {
            var source = Path.Combine(folder.FullName, "report.txt");
            var bytes = new byte[70_000];
            Random.Shared.NextBytes(bytes);
            await File.WriteAllBytesAsync(source, bytes, TestContext.Current.CancellationToken);

            var created = (await bw.RunAsync("send", "-f", source, "-n", "Quarterly report", "--fullObject")).EnsureSuccess("send -f").Json();
            Assert.Equal("report.txt", created["file"]!["fileName"]!.GetValue<string>());
            var target = Path.Combine(folder.FullName, "received.bin");
            (await recipient.RunAsync("receive", created["accessUrl"]!.GetValue<string>(), "--output", target)).EnsureSuccess("receive file");
            Assert.Equal(bytes, await File.ReadAllBytesAsync(target, TestContext.Current.CancellationToken));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
