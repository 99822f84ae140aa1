package com.channelrouter.support;

import com.zaxxer.hikari.HikariDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Does something on every connection of the application's pool, all held at once so that none is missed (a
 * connection taken and returned one at a time would be the same one each time): to check the session each was
 * given, or to change it for a test and put it back after.
 */
public final class EveryPooledConnection {

    @FunctionalInterface
    public interface OnConnection {
        void accept(Connection connection) throws SQLException;
    }

    private EveryPooledConnection() {
    }

    public static void of(DataSource pool, OnConnection action) throws SQLException {
        List<Connection> all = new ArrayList<>();
        try {
            for (int i = 0; i < ((HikariDataSource) pool).getMaximumPoolSize(); i++) {
                all.add(pool.getConnection());
            }
            for (Connection connection : all) {
                action.accept(connection);
            }
        } finally {
            for (Connection connection : all) {
                connection.close();
            }
        }
    }

    /** Runs the statement on every connection of the pool. */
    public static void execute(DataSource pool, String sql) throws SQLException {
        of(pool, connection -> {
            try (var statement = connection.createStatement()) {
                statement.execute(sql);
            }
        });
    }
}
