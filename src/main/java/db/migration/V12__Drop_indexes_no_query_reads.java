package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two indexes that every stored item wrote to and no query reads, as V10 did for others:
 * <ul>
 *   <li>{@code ix_routing_decision_version} on {@code routing_decision (table_version, decided_at)}: decisions
 *   are read by their item and, for an impact preview, by {@code decided_at} alone (its own index). It took
 *   about 65 bytes a decision (measured on MariaDB): 65 GB at a billion decisions, for nothing.</li>
 *   <li>the index MySQL and MariaDB made on {@code idempotency_key (work_item_id)} for its foreign key, which
 *   V9 dropped without it: keys are read by client and key, the primary key. H2 dropped its own with the
 *   constraint; so this looks the index up rather than naming it.</li>
 * </ul>
 * In Java because only the second needs looking up, by column, on whichever database runs it.
 */
public class V12__Drop_indexes_no_query_reads extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP INDEX ix_routing_decision_version ON routing_decision");
            for (String index : indexesOnlyOn(connection, "idempotency_key", "work_item_id")) {
                statement.execute("DROP INDEX " + index + " ON idempotency_key");
            }
        }
    }

    /** The table's indexes whose only column is {@code column} (a primary key of more columns is not one). */
    private static List<String> indexesOnlyOn(Connection connection, String table, String column) throws SQLException {
        Map<String, List<String>> columnsByIndex = new LinkedHashMap<>();
        DatabaseMetaData metaData = connection.getMetaData();
        // the table's name as created: lower case on H2 (DATABASE_TO_LOWER), MySQL and MariaDB alike
        try (ResultSet rows = metaData.getIndexInfo(connection.getCatalog(), connection.getSchema(), table, false, false)) {
            while (rows.next()) {
                String index = rows.getString("INDEX_NAME");
                String indexed = rows.getString("COLUMN_NAME");
                if (index != null && indexed != null) {
                    columnsByIndex.computeIfAbsent(index, i -> new ArrayList<>()).add(indexed.toLowerCase());
                }
            }
        }
        List<String> found = new ArrayList<>();
        columnsByIndex.forEach((index, columns) -> {
            if (columns.equals(List.of(column))) {
                found.add(index);
            }
        });
        return found;
    }
}
