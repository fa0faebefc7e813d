using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Custodian.Server.Infrastructure.Http;
using MimeKit;

namespace Custodian.Server.Infrastructure.Mail;

/// <summary>
/// The one check for an address that will be stored and mailed to: what <see cref="EmailAddressAttribute"/> lets
/// through (any character around one '@') would make MimeKit throw after the row was saved, and control or
/// bidirectional characters would make an address display as another.
/// </summary>
public static class EmailAddresses
{
    public const int MaxLength = 256;

    public static bool IsValid(string? email)
    {
        if (string.IsNullOrWhiteSpace(email) || email.Length > MaxLength)
        {
            return false;
        }
        foreach (var c in email)
        {
            var category = char.GetUnicodeCategory(c);
            if (char.IsControl(c) || char.IsWhiteSpace(c) || category is UnicodeCategory.Format or UnicodeCategory.Surrogate
                    or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator
                    or UnicodeCategory.ParagraphSeparator)
            {
                return false;
            }
        }
        return new EmailAddressAttribute().IsValid(email) && MailboxAddress.TryParse(email, out var parsed)
            && parsed.Address == email;
    }

    /// <summary>Trimmed, lower-cased and distinct; a 400 on field <paramref name="field"/> when any is not an address.</summary>
    public static List<string> Normalize(IEnumerable<string?> emails, string field = "Emails")
    {
        var normalized = emails.Select(e => e?.Trim().ToLowerInvariant()).Distinct().ToList();
        if (normalized.Count == 0 || normalized.Any(e => !IsValid(e)))
        {
            throw BadRequestException.ForField(field, "Every invitation needs a valid email address.");
        }
        return normalized.ConvertAll(e => e!);
    }

    public static string Normalize(string? email, string field) => Normalize([email], field)[0];
}

/// <summary><see cref="EmailAddresses.IsValid"/> on a request field (null passes; pair with Required).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class MailAddressAttribute : ValidationAttribute
{
    public MailAddressAttribute() : base("The {0} field is not a valid e-mail address.") { }

    public override bool IsValid(object? value) => value is null || (value is string s && EmailAddresses.IsValid(s.Trim()));
}
