using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Custodian.Server.Infrastructure.Data;

/// <summary>
/// A query compiled once per model (<c>EF.CompileAsyncQuery</c>), for the queries every request runs: EF's
/// per-call work on a LINQ query (parameter extraction and a cache lookup that compares expression trees) cost
/// more than the query itself. A compiled query refuses a second model, and one process may hold two (SQLite
/// and PostgreSQL contexts, as the test suite does), hence one compilation per model.
/// </summary>
public sealed class CompiledQuery<TQuery>(Func<TQuery> compile) where TQuery : Delegate
{
    readonly ConcurrentDictionary<IModel, TQuery> _byModel = new();

    public TQuery For(AppDbContext db) => _byModel.GetOrAdd(db.Model, static (_, compile) => compile(), compile);
}
