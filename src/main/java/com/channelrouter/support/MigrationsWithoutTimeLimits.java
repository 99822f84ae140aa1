package com.channelrouter.support;

import com.zaxxer.hikari.HikariConfig;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Set;

/**
 * Lets each migration run as long as it needs. The service's connections give up on a statement after a few
 * seconds (fail fast when the database hangs): the mysql profile's {@code socketTimeout} on the client, and the
 * limits each connection's init SQL sets on the server ({@link ServerStatementLimits}: a lock wait, any statement
 * on MariaDB, a SELECT on MySQL 8). Flyway migrates on one of those connections, and a migration that rebuilds a
 * large table (V10 rebuilds {@code routing_decision}, the largest) takes minutes: cut off, it would fail the
 * upgrade. Before each migration the connection's network timeout and the server's limits are lifted; after it
 * the limits are set again as the pool set them on the new connection, and the pool restores the network timeout
 * itself.
 */
@Component
class MigrationsWithoutTimeLimits implements Callback {

    private static final Set<String> SERVERS_WITH_LIMITS = Set.of("MySQL", "MariaDB");
    private static final Logger log = LoggerFactory.getLogger(MigrationsWithoutTimeLimits.class);

    /** What the pool runs on each new connection (the server's limits), or null. */
    private final String connectionInitSql;

    MigrationsWithoutTimeLimits(DataSource dataSource) {
        this.connectionInitSql = dataSource instanceof HikariConfig pool ? pool.getConnectionInitSql() : null;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_EACH_MIGRATE || event == Event.AFTER_EACH_MIGRATE || event == Event.AFTER_EACH_MIGRATE_ERROR;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        Connection connection = context.getConnection();
        try {
            if (event == Event.BEFORE_EACH_MIGRATE) {
                liftNetworkTimeout(connection);
                if (connectionInitSql != null) { // else there are no limits of ours to lift, nor to set again
                    setServerLimits(connection, ServerStatementLimits.LIFTED);
                }
            } else {
                setServerLimits(connection, connectionInitSql);
            }
        } catch (SQLException e) {
            if (event == Event.AFTER_EACH_MIGRATE_ERROR) {
                // the migration's own failure is what Flyway reports; a connection this broken is the pool's to drop
                log.warn("Could not set the statement limits again after failed migration {}", context.getMigrationInfo(), e);
                return;
            }
            throw new FlywayException("Could not " + (event == Event.BEFORE_EACH_MIGRATE ? "lift" : "set again")
                    + " the time limits for migration " + context.getMigrationInfo(), e);
        }
    }

    private static void liftNetworkTimeout(Connection connection) throws SQLException {
        try {
            connection.setNetworkTimeout(Runnable::run, 0);
        } catch (SQLFeatureNotSupportedException noNetwork) {
            // an embedded database has no socket to time out
        }
    }

    private static void setServerLimits(Connection connection, String sql) throws SQLException {
        if (sql != null && SERVERS_WITH_LIMITS.contains(connection.getMetaData().getDatabaseProductName())) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }
    }

    @Override
    public String getCallbackName() {
        return "migrations without time limits";
    }
}
