package com.channelrouter.routing;

import com.channelrouter.customer.Customer;
import com.channelrouter.support.DatabaseFailures;
import com.channelrouter.support.Ids;
import com.channelrouter.support.OnMariaDb;
import com.channelrouter.workitem.NewWorkItem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Group routing against the real MariaDB/MySQL server: its unique keys, its lock waits and its deadlocks. */
@OnMariaDb
class RoutingRecorderOnMariaDbIntegrationTests extends RoutingRecorderIntegrationTests {

    @Autowired
    Routings routings;

    @Autowired
    RoutingDecisions decisions;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcTemplate jdbc;

    /**
     * Another instance stores the same request under the same Idempotency-Key, after fifty items of its own,
     * taking the key first and the item last; this one, alone in its group, inserts the item first and the key
     * last. Each waits for a row the other inserted, and InnoDB rolls back the transaction that wrote less, this
     * one. The request is then routed again, finds the other instance's item, and is answered with it, as the
     * repeat it now is: not with a 503 for a client that did nothing wrong.
     */
    @Test
    void aRequestRolledBackAsADeadlockVictimIsAnsweredWithTheItemTheOtherInstanceStored() throws Exception {
        RoutingRecorder.Routing routing = routing(externalId(), "key-" + UUID.randomUUID());
        CountDownLatch holdingTheKey = new CountDownLatch(1);
        CompletableFuture<String> otherInstance = CompletableFuture.supplyAsync(() -> transaction.execute(status -> {
            workItems.openAll(drafted(heavier(50)));
            NewWorkItem same = drafted(List.of(routing)).get(0);
            jdbc.update("INSERT INTO idempotency_key (client_id, idem_key, request_hash, work_item_id, created_at) VALUES (?, ?, ?, ?, ?)",
                    HOTLINE.id(), routing.idempotencyKey(), same.requestHash(), same.workItemId(), Timestamp.from(Instant.now()));
            holdingTheKey.countDown();
            waitUntilAnotherConnectionIsInserting("idempotency_key"); // this one's item is in, it waits for the key
            workItems.openAll(List.of(same)); // waits for this one's item: the deadlock
            return same.workItemId();
        }));
        assertThat(holdingTheKey.await(30, TimeUnit.SECONDS)).isTrue();

        Routings.Routed routed = routings.route(routing.request().normalized(), routing.idempotencyKey(), HOTLINE);

        String storedByTheOther = otherInstance.get(30, TimeUnit.SECONDS);
        assertThat(routed.workItemId()).isEqualTo(storedByTheOther);
        assertThat(routed.replayed()).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM work_item WHERE source_channel = 'GROUP_HOTLINE' AND external_id = ?",
                Long.class, routing.request().item().externalId())).isEqualTo(1);
    }

    /**
     * Connector/J gives a lock wait that timed out (1205) the deadlock's SQLSTATE, 40001, and Spring the same
     * exception class: it must still not be routed again, which would wait out the limit a second time.
     */
    @Test
    void aLockWaitThatTimedOutIsNotTakenForALostDeadlock() throws SQLException {
        String key = "key-" + UUID.randomUUID();
        String insertKey = "INSERT INTO idempotency_key (client_id, idem_key, request_hash, work_item_id, created_at)"
                + " VALUES ('dev-group-hotline', '" + key + "', 'h', 'w', '2026-12-05 00:00:00')";
        try (Connection otherInstance = dataSource.getConnection(); Connection waiting = dataSource.getConnection();
             Statement other = otherInstance.createStatement(); Statement waits = waiting.createStatement()) {
            otherInstance.setAutoCommit(false);
            other.executeUpdate(insertKey);
            waits.execute("SET SESSION innodb_lock_wait_timeout = 1");
            try {
                SQLException timedOut = catchThrowableOfType(SQLException.class, () -> waits.executeUpdate(insertKey));
                DataAccessException translated = jdbc.getExceptionTranslator().translate("insert", insertKey, timedOut);

                assertThat(timedOut.getErrorCode()).isEqualTo(1205);
                assertThat(translated).isInstanceOf(PessimisticLockingFailureException.class);
                assertThat(DatabaseFailures.lockWaitTimedOut(translated)).isTrue();
                assertThat(RoutingRecorder.lostADeadlock(translated)).isFalse();
            } finally {
                waits.execute("SET SESSION innodb_lock_wait_timeout = 5"); // as the pool made it
                otherInstance.rollback();
            }
        }
    }

    private List<RoutingRecorder.Routing> heavier(int count) {
        List<RoutingRecorder.Routing> others = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            others.add(routing(externalId(), null));
        }
        return others;
    }

    /** Items decided and drafted as another instance would, with work item ids of their own. */
    private List<NewWorkItem> drafted(List<RoutingRecorder.Routing> routed) {
        Map<String, Customer> registered = decisions.registeredFor(routed.stream().map(r -> r.request().item()).toList());
        return routed.stream().map(r -> drafts.draft(decisions.decide(r.request().item(), registered).withWorkItemId(Ids.next()),
                r.request(), HOTLINE)).toList();
    }

    /** The tests use one database user, whose other sessions it may see. */
    private void waitUntilAnotherConnectionIsInserting(String table) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID <> CONNECTION_ID()"
                + " AND INFO LIKE ?", Long.class, "INSERT INTO " + table + " %") == 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("waited 30 s in vain");
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
