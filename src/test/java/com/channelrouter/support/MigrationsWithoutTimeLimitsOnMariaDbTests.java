package com.channelrouter.support;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * On the real server, a migration that takes 2 s, through a pool whose connections give up after 1 s as the
 * mysql profile's give up after 5 s: by their socket timeout, or by the limits the server keeps for them (set by
 * the pool's init SQL, as the profile's). Cut off without the callback, completed with it, and the pooled
 * connection keeps its timeout and its limits afterwards. Flyway keeps its history in a table of this test's own.
 */
@Tag("mariadb")
class MigrationsWithoutTimeLimitsOnMariaDbTests {

    private static final String HISTORY = "slow_migration_test_history";
    /** The mysql profile's connection-init-sql, with 1 s for 5. */
    private static final String ONE_SECOND_LIMITS =
            "SET SESSION innodb_lock_wait_timeout = 1 /*M!, max_statement_time = 1 */ /*!80000 , max_execution_time = 1000 */";

    /** The pool a test opened, closed after it. */
    private HikariDataSource opened;

    private HikariDataSource pool(String urlOptions, String connectionInitSql) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(TestDatabaseServer.URL + urlOptions);
        pool.setUsername(TestDatabaseServer.USER);
        pool.setPassword(TestDatabaseServer.PASSWORD);
        pool.setConnectionInitSql(connectionInitSql);
        pool.setMaximumPoolSize(1);
        opened = pool;
        return pool;
    }

    private Flyway flyway(HikariDataSource pool, boolean withCallback) {
        // the test database holds the application's schema: this history starts below the test's migration
        var configuration = Flyway.configure().dataSource(pool).locations("classpath:db/slow-migration").table(HISTORY)
                .baselineOnMigrate(true).baselineVersion("0");
        return (withCallback ? configuration.callbacks(new MigrationsWithoutTimeLimits(pool)) : configuration).load();
    }

    @AfterEach
    void dropHistoryAndPool() throws SQLException {
        try (Connection connection = opened.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("DROP TABLE IF EXISTS " + HISTORY);
        } finally {
            opened.close();
        }
    }

    @Test
    void aMigrationLongerThanTheSocketTimeoutIsCutOffWithoutTheCallback() {
        HikariDataSource pool = pool("&socketTimeout=1000", null);
        // the socket times out under the statement, and Flyway fails on the closed connection
        assertThatThrownBy(() -> flyway(pool, false).migrate()).isInstanceOf(FlywayException.class);
        assertThat(applied(pool)).isFalse();
    }

    @Test
    void aMigrationLongerThanTheServersLimitIsCutOffWithoutTheCallback() {
        HikariDataSource pool = pool("", ONE_SECOND_LIMITS);
        assertThatThrownBy(() -> flyway(pool, false).migrate()).isInstanceOf(FlywayException.class)
                .hasStackTraceContaining("max_statement_time");
        assertThat(applied(pool)).isFalse();
    }

    @Test
    void completesWithTheCallbackAndThePoolKeepsItsTimeoutAndLimits() throws SQLException {
        HikariDataSource pool = pool("&socketTimeout=1000", ONE_SECOND_LIMITS);

        assertThat(flyway(pool, true).migrate().migrationsExecuted).isEqualTo(1);

        try (Connection connection = pool.getConnection(); Statement sql = connection.createStatement();
             ResultSet limits = sql.executeQuery("SELECT @@SESSION.max_statement_time, @@SESSION.innodb_lock_wait_timeout")) {
            assertThat(connection.getNetworkTimeout()).isEqualTo(1000);
            assertThat(limits.next()).isTrue();
            assertThat(limits.getDouble(1)).as("max_statement_time").isEqualTo(1.0);
            assertThat(limits.getLong(2)).as("innodb_lock_wait_timeout").isEqualTo(1);
        }
    }

    private boolean applied(HikariDataSource pool) {
        return Arrays.stream(flyway(pool, false).info().applied()).anyMatch(m -> m.getVersion() != null && "1".equals(m.getVersion().getVersion()) && m.getState() == MigrationState.SUCCESS);
    }
}
