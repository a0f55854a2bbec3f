using ZoomQos.Contracts.Webinars;
using ZoomQos.Storage.Summaries;

namespace ZoomQos.Storage.Sql;

/// <summary>Finding people in the stored session results, and the ended instances still without a summary.</summary>
public abstract partial class SqlQosStore
{
    /// <inheritdoc/>
    public async Task<IReadOnlyList<PersonMatch>> SearchPeopleAsync(string accountId, string text, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var pattern = "%" + text.Trim().ToLowerInvariant().Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal) + "%";
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = DbCommands.Create(
            connection,
            null,
            """
            SELECT o.person_key, MAX(o.name), MAX(o.email), COUNT(*), COUNT(DISTINCT i.id), COUNT(DISTINCT i.webinar_id), MAX(i.start_ms)
            FROM session_outcomes o JOIN instances i ON i.id = o.instance_id
            WHERE i.account_id = @account AND o.person_key <> '' AND (o.person_key LIKE @pattern ESCAPE '\' OR LOWER(o.name) LIKE @pattern ESCAPE '\')
            GROUP BY o.person_key
            ORDER BY COUNT(DISTINCT i.id) DESC, o.person_key
            LIMIT @limit
            """,
            ("account", accountId),
            ("pattern", pattern),
            ("limit", limit));
        var matches = new List<PersonMatch>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            matches.Add(new PersonMatch(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                Convert.ToInt32(reader.GetValue(3), System.Globalization.CultureInfo.InvariantCulture),
                Convert.ToInt32(reader.GetValue(4), System.Globalization.CultureInfo.InvariantCulture),
                Convert.ToInt32(reader.GetValue(5), System.Globalization.CultureInfo.InvariantCulture),
                StorageKeys.FromMs(reader.GetInt64(6))));
        }

        return matches;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<WebinarInstance>> ListUnsummarizedAsync(string accountId, DateTimeOffset startFrom, DateTimeOffset startTo, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = DbCommands.Create(
            connection,
            null,
            $"""
            SELECT {PrefixedInstanceColumns} FROM instances i LEFT JOIN instance_summaries m ON m.instance_id = i.id
            WHERE i.account_id = @account AND i.end_ms IS NOT NULL AND m.instance_id IS NULL AND i.start_ms >= @from AND i.start_ms < @to
            ORDER BY i.start_ms DESC, i.uuid
            LIMIT @limit
            """,
            ("account", accountId),
            ("from", StorageKeys.ToMs(startFrom)),
            ("to", StorageKeys.ToMs(startTo)),
            ("limit", limit));
        var instances = new List<WebinarInstance>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            instances.Add(ReadInstance(reader));
        }

        return instances;
    }
}
