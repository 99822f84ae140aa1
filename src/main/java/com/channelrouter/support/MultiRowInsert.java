package com.channelrouter.support;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCallback;
import org.springframework.jdbc.core.PreparedStatementCreator;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Inserts rows of one table with as few statements as it can: {@code INSERT INTO t (…) VALUES (…), (…)},
 * up to {@value #ROWS_PER_STATEMENT} rows each, every value a bound parameter. Used for the rows a routed
 * item writes, where it measured well ahead of MyBatis with the driver's rewriteBatchedStatements: MySQL
 * Connector/J then escapes every string twice (once only to size the rewritten statement, a fifth of a
 * batch's CPU) and MyBatis maps each parameter by reflection. Runs on the transaction's connection
 * (through JdbcTemplate), so it commits or rolls back with the MyBatis statements around it, and a
 * duplicate key still arrives as Spring's DuplicateKeyException.
 *
 * <p>Values: String, Integer, Long, Boolean, an enum (stored by name) or an Instant (stored as UTC
 * {@code DATETIME(6)} text, as {@link UtcInstantTypeHandler} does); null is NULL.
 */
public final class MultiRowInsert<T> {

    static final int ROWS_PER_STATEMENT = 100;

    private final String head;
    private final String rowPlaceholders;
    private final List<Function<? super T, ?>> values;
    private final ConcurrentHashMap<Integer, String> sqlByRowCount = new ConcurrentHashMap<>();

    private MultiRowInsert(String table, List<String> columns, List<Function<? super T, ?>> values) {
        this.head = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ";
        this.rowPlaceholders = "(" + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
        this.values = List.copyOf(values);
    }

    public static <T> Builder<T> into(String table) {
        return new Builder<>(table);
    }

    public static final class Builder<T> {
        private final String table;
        private final List<String> columns = new ArrayList<>();
        private final List<Function<? super T, ?>> values = new ArrayList<>();

        private Builder(String table) {
            this.table = table;
        }

        public Builder<T> column(String name, Function<? super T, ?> value) {
            columns.add(name);
            values.add(value);
            return this;
        }

        public MultiRowInsert<T> build() {
            return new MultiRowInsert<>(table, columns, values);
        }
    }

    /** Inserts every row, in order, in the caller's transaction if there is one. */
    public void insert(JdbcTemplate jdbc, List<? extends T> rows) {
        inParts(jdbc, rows, sql -> connection -> connection.prepareStatement(sql), statement -> {
        });
    }

    /**
     * Inserts every row, in order, and returns the keys the database generated for {@code keyColumn}, one per
     * row in the same order (a multi-row INSERT with a known row count takes consecutive AUTO_INCREMENT values
     * on MySQL and MariaDB in every lock mode, which is what the driver reports).
     */
    public List<Long> insertReturningKeys(JdbcTemplate jdbc, List<? extends T> rows, String keyColumn) {
        List<Long> keys = new ArrayList<>(rows.size());
        inParts(jdbc, rows, sql -> connection -> connection.prepareStatement(sql, new String[] {keyColumn}), statement -> {
            try (ResultSet generated = statement.getGeneratedKeys()) {
                while (generated.next()) {
                    keys.add(generated.getLong(1));
                }
            }
        });
        if (keys.size() != rows.size()) {
            throw new IllegalStateException("the database returned " + keys.size() + " keys for " + rows.size() + " rows");
        }
        return keys;
    }

    /** What to do with a statement after each part it inserted. */
    @FunctionalInterface
    private interface AfterPart {
        void accept(PreparedStatement statement) throws SQLException;
    }

    /**
     * Inserts the rows in parts of {@value #ROWS_PER_STATEMENT} and then the rest, in order. The full parts share
     * one prepared statement (made by {@code prepare} from the SQL), bound and executed for each and closed once:
     * Connector/J clears every bound value of a cached statement when it is closed, a twentieth of a batch's
     * storage work when that was after every part.
     */
    private void inParts(JdbcTemplate jdbc, List<? extends T> rows, Function<String, PreparedStatementCreator> prepare,
                         AfterPart afterPart) {
        int full = rows.size() - rows.size() % ROWS_PER_STATEMENT;
        for (List<? extends T> sameSize : List.of(rows.subList(0, full), rows.subList(full, rows.size()))) {
            if (sameSize.isEmpty()) {
                continue;
            }
            int partSize = Math.min(ROWS_PER_STATEMENT, sameSize.size());
            jdbc.execute(prepare.apply(sql(partSize)), (PreparedStatementCallback<Void>) statement -> {
                for (int from = 0; from < sameSize.size(); from += partSize) {
                    bindAll(statement, sameSize.subList(from, from + partSize));
                    statement.executeUpdate();
                    afterPart.accept(statement);
                }
                return null;
            });
        }
    }

    private void bindAll(PreparedStatement statement, List<? extends T> rows) throws SQLException {
        int index = 1;
        for (T row : rows) {
            for (Function<? super T, ?> value : values) {
                bind(statement, index++, value.apply(row));
            }
        }
    }

    String sql(int rowCount) {
        return sqlByRowCount.computeIfAbsent(rowCount, n -> {
            StringBuilder sql = new StringBuilder(head.length() + n * (rowPlaceholders.length() + 2));
            sql.append(head);
            for (int i = 0; i < n; i++) {
                sql.append(i == 0 ? "" : ", ").append(rowPlaceholders);
            }
            return sql.toString();
        });
    }

    private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else if (value instanceof String text) {
            statement.setString(index, text);
        } else if (value instanceof Integer number) {
            statement.setInt(index, number);
        } else if (value instanceof Long number) {
            statement.setLong(index, number);
        } else if (value instanceof Boolean flag) {
            statement.setBoolean(index, flag);
        } else if (value instanceof Enum<?> code) {
            statement.setString(index, code.name());
        } else if (value instanceof Instant instant) {
            statement.setString(index, UtcText.datetime6(instant));
        } else {
            throw new IllegalArgumentException("No binding for " + value.getClass().getName());
        }
    }
}
