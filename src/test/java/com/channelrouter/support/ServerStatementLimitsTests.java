package com.channelrouter.support;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Which pools get the server's limits instead of the driver's timers (on the real server: StatementLimitsOnMariaDbIntegrationTests). */
class ServerStatementLimitsTests {

    private static final ServerStatementLimits FIVE_SECONDS = new ServerStatementLimits(Duration.ofSeconds(5));

    private static HikariDataSource pool(String url) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        return pool;
    }

    @Test
    void aMySqlPoolStartsEachConnectionWithTheLimitAndTurnsTheDriversTimersOff() {
        HikariDataSource pool = pool("jdbc:mysql://db.example:3306/channel_router?socketTimeout=5000");

        FIVE_SECONDS.postProcessAfterInitialization(pool, "dataSource");

        assertThat(pool.getConnectionInitSql()).isEqualTo("SET SESSION innodb_lock_wait_timeout = 5"
                + " /*M!, max_statement_time = 5 */ /*!80000 , max_execution_time = 5000 */");
        assertThat(pool.getDataSourceProperties()).containsEntry("enableQueryTimeouts", "false");
    }

    @Test
    void aLimitInFractionsOfASecondWaitsForLocksAWholeSecond() {
        assertThat(ServerStatementLimits.initSql(Duration.ofMillis(1500))).isEqualTo("SET SESSION innodb_lock_wait_timeout = 2"
                + " /*M!, max_statement_time = 1.5 */ /*!80000 , max_execution_time = 1500 */");
        assertThat(ServerStatementLimits.initSql(Duration.ofMillis(200))).startsWith("SET SESSION innodb_lock_wait_timeout = 1 ");
    }

    @Test
    void anEmbeddedPoolIsLeftToKeepItsOwnTimeouts() {
        HikariDataSource pool = pool("jdbc:h2:mem:limits;MODE=MySQL");

        FIVE_SECONDS.postProcessAfterInitialization(pool, "dataSource");

        assertThat(pool.getConnectionInitSql()).isNull();
        assertThat(pool.getDataSourceProperties()).doesNotContainKey("enableQueryTimeouts");
    }

    @Test
    void aPoolWithAnInitSqlOfItsOwnKeepsTheDriversTimers() {
        HikariDataSource pool = pool("jdbc:mysql://db.example:3306/channel_router");
        pool.setConnectionInitSql("SET SESSION sql_mode = 'STRICT_ALL_TABLES'");

        FIVE_SECONDS.postProcessAfterInitialization(pool, "dataSource");

        assertThat(pool.getConnectionInitSql()).isEqualTo("SET SESSION sql_mode = 'STRICT_ALL_TABLES'");
        assertThat(pool.getDataSourceProperties()).doesNotContainKey("enableQueryTimeouts");
    }

    @Test
    void noLimitSetNoLimitKeptByTheServer() {
        HikariDataSource pool = pool("jdbc:mysql://db.example:3306/channel_router");

        new ServerStatementLimits(Duration.ZERO).postProcessAfterInitialization(pool, "dataSource");

        assertThat(pool.getConnectionInitSql()).isNull();
    }
}
