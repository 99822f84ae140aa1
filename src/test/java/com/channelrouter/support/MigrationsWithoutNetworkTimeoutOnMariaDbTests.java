package com.channelrouter.support;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.callback.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * On the real server, through a pool whose connections give up after 1 s (as the mysql profile's give up
 * after 5 s), a migration that takes 2 s: cut off without the callback, completed with it, and the pooled
 * connection keeps its timeout afterwards. Flyway keeps its history in a table of this test's own.
 */
@Tag("mariadb")
class MigrationsWithoutNetworkTimeoutOnMariaDbTests {

    private static final String HISTORY = "slow_migration_test_history";

    private final HikariDataSource pool = pool();

    private static HikariDataSource pool() {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(TestDatabaseServer.URL + "&socketTimeout=1000");
        pool.setUsername(TestDatabaseServer.USER);
        pool.setPassword(TestDatabaseServer.PASSWORD);
        pool.setMaximumPoolSize(1);
        return pool;
    }

    private Flyway flyway(Callback... callbacks) {
        // the test database holds the application's schema: this history starts below the test's migration
        return Flyway.configure().dataSource(pool).locations("classpath:db/slow-migration").table(HISTORY)
                .baselineOnMigrate(true).baselineVersion("0").callbacks(callbacks).load();
    }

    @AfterEach
    void dropHistoryAndPool() throws SQLException {
        try (Connection connection = pool.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("DROP TABLE IF EXISTS " + HISTORY);
        } finally {
            pool.close();
        }
    }

    @Test
    void aMigrationLongerThanTheSocketTimeoutIsCutOffWithoutTheCallback() {
        // the socket times out under the statement, and Flyway fails on the closed connection
        assertThatThrownBy(() -> flyway().migrate()).isInstanceOf(FlywayException.class);
        assertThat(flyway().info().applied()).noneMatch(m -> m.getVersion() != null && "1".equals(m.getVersion().getVersion())
                && m.getState() == MigrationState.SUCCESS);
    }

    @Test
    void completesWithTheCallbackAndThePoolKeepsItsTimeout() throws SQLException {
        assertThat(flyway(new MigrationsWithoutNetworkTimeout()).migrate().migrationsExecuted).isEqualTo(1);
        try (Connection connection = pool.getConnection()) {
            assertThat(connection.getNetworkTimeout()).isEqualTo(1000);
        }
    }
}
