using Custodian.Server.Infrastructure.Http;

namespace Custodian.Server.Features.Accounts;

/// <summary>KDF bounds the clients enforce when setting a KDF (client-contract §5.1); the server refuses the rest.</summary>
public static class KdfRules
{
    public const int DefaultPbkdf2Iterations = 600_000;

    public static void Validate(KdfType kdf, int iterations, int? memory, int? parallelism, int minimumPbkdf2Iterations)
    {
        var error = kdf switch
        {
            KdfType.Pbkdf2Sha256 when iterations < minimumPbkdf2Iterations || iterations > 2_000_000 =>
                $"PBKDF2 iterations must be between {minimumPbkdf2Iterations} and 2000000.",
            KdfType.Argon2id when iterations is < 2 or > 10 => "Argon2 iterations must be between 2 and 10.",
            KdfType.Argon2id when memory is null or < 15 or > 1024 => "Argon2 memory must be between 15 MiB and 1024 MiB.",
            KdfType.Argon2id when parallelism is null or < 1 or > 16 => "Argon2 parallelism must be between 1 and 16.",
            KdfType.Pbkdf2Sha256 or KdfType.Argon2id => null,
            _ => "Unknown KDF type.",
        };
        if (error is not null)
        {
            throw BadRequestException.ForField("Kdf", error);
        }
    }
}

/// <summary>Section <c>Accounts</c>.</summary>
public sealed class AccountsOptions
{
    public const string Section = "Accounts";

    /// <summary>Lowest PBKDF2 iteration count accepted when an account sets its KDF. Clients use 600,000.</summary>
    public int MinimumPbkdf2Iterations { get; set; } = KdfRules.DefaultPbkdf2Iterations;
}
