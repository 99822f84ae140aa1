package com.channelrouter.routing;

import com.channelrouter.support.EveryPooledConnection;
import com.channelrouter.support.IntegrationTest;
import com.channelrouter.support.OnMariaDb;
import com.channelrouter.support.TestHttp;
import com.mysql.cj.conf.PropertyKey;
import com.mysql.cj.jdbc.JdbcConnection;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * On MySQL and MariaDB the server keeps the 5 s statement limit of the service's connections (ServerStatementLimits'
 * init SQL; the driver's timer per statement is off): a statement stuck behind another instance's lock
 * still ends as a 503 with Retry-After, a runaway statement still ends on the server, and the service goes on.
 */
@OnMariaDb // before @IntegrationTest: its profiles are the ones used
@IntegrationTest
class StatementLimitsOnMariaDbIntegrationTests {

    private static final Duration LIMIT = Duration.ofSeconds(5);
    private static final String HOTLINE = "dev-group-hotline";

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    /** Every connection of the pool: the one Flyway migrated on too, its limits lifted and set again. */
    @Test
    void everyConnectionHasTheServersLimitsAndNoTimerInTheDriver() throws SQLException {
        EveryPooledConnection.of(dataSource, connection -> {
            try (Statement sql = connection.createStatement();
                 ResultSet limits = sql.executeQuery("SELECT @@SESSION.max_statement_time, @@SESSION.innodb_lock_wait_timeout")) {
                assertThat(limits.next()).isTrue();
                assertThat(limits.getDouble(1)).as("max_statement_time").isEqualTo(5.0);
                assertThat(limits.getLong(2)).as("innodb_lock_wait_timeout").isEqualTo(5);
            }
            assertThat(connection.unwrap(JdbcConnection.class).getPropertySet().getBooleanProperty(PropertyKey.enableQueryTimeouts)
                    .getValue()).as("enableQueryTimeouts").isFalse();
        });
    }

    @Test
    void aStatementBeyondTheLimitEndsOnTheServerAsATimeout() {
        long started = System.nanoTime();

        assertThatThrownBy(() -> jdbc.queryForObject("SELECT SLEEP(30)", Integer.class)).isInstanceOf(QueryTimeoutException.class);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(LIMIT.minusMillis(500), LIMIT.plusSeconds(3));
        assertThat(jdbc.queryForObject("SELECT 1", Integer.class)).as("the pool goes on").isEqualTo(1);
    }

    /**
     * A request held up as in the test below, with the pool's connections waiting 1 s for a lock, under their 5 s
     * statement limit, so that the wait ends as a lock wait (1205), as it always does on MySQL 8: answered after
     * that one wait, not routed again as a deadlock's victim to wait it out twice more.
     */
    @Test
    void aRoutingWhoseLockWaitRanOutIsAnsweredAfterThatOneWait() throws SQLException {
        EveryPooledConnection.execute(dataSource, "SET SESSION innodb_lock_wait_timeout = 1");
        try {
            assertThat(heldByAnotherInstance()).isBetween(Duration.ofMillis(900), Duration.ofMillis(2500));
        } finally {
            EveryPooledConnection.execute(dataSource, "SET SESSION innodb_lock_wait_timeout = 5"); // as the pool made them
        }
    }

    /** Another instance holds the Idempotency-Key this request must insert, and does not commit. */
    @Test
    void aRoutingHeldUpByAnotherInstancesLockIsAnswered503WithRetryAfterAndStoresNothing() throws SQLException {
        assertThat(heldByAnotherInstance()).isBetween(LIMIT.minusMillis(500), LIMIT.plusSeconds(5));
    }

    /** Routes a request whose Idempotency-Key another instance holds: a 503 that stored nothing, after how long. */
    private Duration heldByAnotherInstance() throws SQLException {
        String key = "key-" + UUID.randomUUID();
        String externalId = "HELD-" + UUID.randomUUID();
        Duration took;
        try (Connection otherInstance = dataSource.getConnection()) {
            otherInstance.setAutoCommit(false);
            try (PreparedStatement insert = otherInstance.prepareStatement("INSERT INTO idempotency_key "
                    + "(client_id, idem_key, request_hash, work_item_id, created_at) VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, HOTLINE);
                insert.setString(2, key);
                insert.setString(3, "0".repeat(64));
                insert.setString(4, UUID.randomUUID().toString());
                insert.setTimestamp(5, Timestamp.from(Instant.now()));
                insert.executeUpdate();
            }
            long started = System.nanoTime();

            TestHttp.Response held = new TestHttp(port).post("/api/v1/routings", HOTLINE,
                    RoutingApiIntegrationTests.lead("GC-1").put("externalId", externalId), Map.of("Idempotency-Key", key));

            took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(held.status()).isEqualTo(503);
            assertThat(held.contentType()).startsWith("application/problem+json");
            assertThat(held.header("Retry-After")).isNotBlank();
            otherInstance.rollback();
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM work_item WHERE external_id = ?", Long.class, externalId)).isZero();
        return took;
    }
}
