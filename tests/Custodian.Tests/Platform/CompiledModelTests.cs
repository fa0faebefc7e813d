using Custodian.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Custodian.Tests.Platform;

/// <summary>
/// The server runs on the compiled EF models (<c>Infrastructure/Data/CompiledModels</c>), not on the model its
/// code would build; a change to an entity or its configuration that is not regenerated into them would be
/// silently ignored at run time. The code's model here is the design-time one (what migrations are made from;
/// EF would otherwise find the compiled model itself), compared with the compiled one as EF prints them: every
/// entity, property and its facets, key, index and relation, then every table and column with its store type.
/// </summary>
public sealed class CompiledModelTests
{
    [Fact]
    public void SqliteCompiledModel_MatchesTheModelTheCodeBuilds()
    {
        using var context = new SqliteDesignTimeFactory().CreateDbContext([]);
        AssertSame(context.GetService<IDesignTimeModel>().Model, DatabaseSetup.CompiledModel(DatabaseProvider.Sqlite));
    }

    [Fact]
    public void PostgresCompiledModel_MatchesTheModelTheCodeBuilds()
    {
        using var context = new PostgresDesignTimeFactory().CreateDbContext([]);
        AssertSame(context.GetService<IDesignTimeModel>().Model, DatabaseSetup.CompiledModel(DatabaseProvider.Postgres));
    }

    static string Print(IModel model) =>
        model.ToDebugString(MetadataDebugStringOptions.ShortDefault) + "\n" + model.GetRelationalModel().ToDebugString(MetadataDebugStringOptions.ShortDefault);

    static void AssertSame(IModel fromCode, IModel compiled)
    {
        var expected = Print(fromCode).Split('\n');
        var actual = Print(compiled).Split('\n');
        var firstDifference = Enumerable.Range(0, Math.Max(expected.Length, actual.Length))
            .FirstOrDefault(i => expected.ElementAtOrDefault(i) != actual.ElementAtOrDefault(i), -1);
        Assert.True(firstDifference < 0,
            $"The compiled EF model is stale; regenerate it with scripts/optimize-model.sh. First difference, line {firstDifference + 1}:\n"
            + $"  code:     {expected.ElementAtOrDefault(firstDifference)?.Trim()}\n  compiled: {actual.ElementAtOrDefault(firstDifference)?.Trim()}");
    }
}
