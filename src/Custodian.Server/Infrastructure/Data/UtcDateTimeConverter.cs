using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Custodian.Server.Infrastructure.Data;

/// <summary>All times are UTC: written as such, read back with <see cref="DateTimeKind.Utc"/>.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
