using Custodian.Server.Infrastructure.Data;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Custodian.Server.Infrastructure.Mail;

public sealed class MailOptions
{
    public const string Section = "Mail";

    public string From { get; set; } = "custodian@localhost";
    public SmtpOptions Smtp { get; set; } = new();
}

public sealed class SmtpOptions
{
    /// <summary>Empty: no SMTP server, messages go to the outbox folder instead.</summary>
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? Username { get; set; }
    public string? Password { get; set; }
    /// <summary>StartTls on 587, SslOnConnect on 465, None only for a local relay.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;
}

/// <summary>
/// Sends mail through SMTP when <c>Mail:Smtp:Host</c> is set; otherwise writes each message as an .eml file to
/// <c>{DataDirectory}/outbox</c> for the operator. Messages carry links with tokens, so neither path logs a body.
/// </summary>
public sealed class Mailer(IOptions<MailOptions> mail, IOptions<DatabaseOptions> data, ILogger<Mailer> logger)
{
    public string OutboxDirectory => Path.Combine(Path.GetFullPath(data.Value.DataDirectory), "outbox");

    /// <param name="html">An HTML alternative (branded invitations); the plain text is always the first part.</param>
    public async Task SendAsync(string to, string subject, string text, CancellationToken ct, string? html = null)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(mail.Value.From));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = html is null ? new TextPart("plain") { Text = text }
            : new MultipartAlternative { new TextPart("plain") { Text = text }, new TextPart("html") { Text = html } };
        var smtp = mail.Value.Smtp;
        if (string.IsNullOrEmpty(smtp.Host))
        {
            DataFiles.EnsureDirectory(OutboxDirectory);
            var path = Path.Combine(OutboxDirectory, $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml");
            await DataFiles.WriteWholeAsync(path, partial => message.WriteToAsync(partial, ct));
            logger.LogInformation("No SMTP server configured: mail \"{Subject}\" written to the outbox ({File})", subject, Path.GetFileName(path));
            return;
        }
        try
        {
            using var client = new SmtpClient();
            await client.ConnectAsync(smtp.Host, smtp.Port, smtp.Security, ct);
            if (!string.IsNullOrEmpty(smtp.Username))
            {
                await client.AuthenticateAsync(smtp.Username, smtp.Password ?? "", ct);
            }
            await client.SendAsync(message, ct);
            await client.DisconnectAsync(quit: true, ct);
            logger.LogInformation("Mail \"{Subject}\" sent through {Host}", subject, smtp.Host);
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or MailKit.ProtocolException
            or MailKit.CommandException or AuthenticationException)
        {
            // The change that caused the mail stands; the admin can send it again (reinvite).
            logger.LogWarning("Could not send mail \"{Subject}\" through {Host}: {Error}", subject, smtp.Host, e.Message);
        }
    }
}
