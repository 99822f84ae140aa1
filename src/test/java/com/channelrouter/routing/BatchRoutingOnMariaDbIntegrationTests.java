package com.channelrouter.routing;

import com.channelrouter.support.DatabaseFailures;
import com.channelrouter.support.EveryPooledConnection;
import com.channelrouter.support.OnMariaDb;
import com.channelrouter.workitem.NewWorkItem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Batch routing's multi-row statements and repeat handling on the real MariaDB/MySQL server. */
@OnMariaDb
class BatchRoutingOnMariaDbIntegrationTests extends BatchRoutingIntegrationTests {

    @Autowired
    DataSource dataSource;

    /**
     * Another instance stores lines 2 and 1 of the same batch, in that order, while this one stores the chunk
     * in line order: each transaction waits for a row the other inserted, and InnoDB rolls back the one that
     * wrote less, the chunk (the other stored a thousand items first). The chunk is stored again and its lines
     * become the other instance's items' repeats: every line answered, nothing stored twice. That the other
     * instance commits and the batch's lines are its items' repeats shows the chunk was the victim: without
     * the retry the batch fails.
     */
    @Test
    void aChunkRolledBackAsADeadlockVictimIsSortedOutAgainAgainstTheOtherInstancesItems() throws Exception {
        List<String> lines = List.of(alert(1), alert(2), alert(3));
        List<String> heavier = new ArrayList<>();
        for (int i = 1; i <= 1000; i++) {
            heavier.add(alert(i).replace(prefix, prefix + "OTHER-"));
        }
        CountDownLatch holdingLineTwo = new CountDownLatch(1);
        CompletableFuture<List<NewWorkItem>> otherInstance = CompletableFuture.supplyAsync(() -> transaction.execute(status -> {
            List<NewWorkItem> first = drafted(heavier);
            first.add(drafted(List.of(alert(2))).get(0));
            workItems.openAll(first);
            holdingLineTwo.countDown();
            waitUntil(this::theChunkIsInserting); // it inserts line 1, then waits for line 2's row
            pause(Duration.ofMillis(200));
            List<NewWorkItem> second = drafted(List.of(alert(1)));
            workItems.openAll(second); // waits for the chunk's line 1: the deadlock
            return List.of(first.get(first.size() - 1), second.get(0));
        }));
        assertThat(holdingLineTwo.await(30, TimeUnit.SECONDS)).isTrue();

        Run run = runWithoutLookingUpFirst(lines);

        List<NewWorkItem> storedByTheOther = otherInstance.get(30, TimeUnit.SECONDS);
        assertThat(run.lines()).extracting(line -> line.get("status").asInt()).containsExactly(201, 201, 201);
        assertThat(run.lines()).extracting(line -> line.get("replayed").asBoolean()).containsExactly(true, true, false);
        assertThat(run.lines().get(0).get("workItemId").asString()).isEqualTo(storedByTheOther.get(1).workItemId());
        assertThat(run.lines().get(1).get("workItemId").asString()).isEqualTo(storedByTheOther.get(0).workItemId());
        assertThat(stored()).isEqualTo(3 + 1000);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM routing_decision d JOIN work_item w ON w.work_item_id = d.work_item_id"
                + " WHERE w.external_id LIKE ?", Long.class, prefix + "%")).isEqualTo(3 + 1000);
    }

    /**
     * Another instance holds line 1's item, uncommitted, for longer than the lock-wait limit: the chunk waits it out
     * once and the batch breaks off (503, to be sent again), rather than waiting it out once more for each of its
     * attempts (a lock wait that timed out is not the commit race those attempts are for). The pool's connections
     * wait 1 s for a lock here, under their 5 s statement limit, so that the wait ends as a lock wait (1205), as
     * it always does on MySQL 8; on MariaDB the statement limit of the same length may end it first.
     */
    @Test
    void aChunkHeldUpByAnotherInstancesLockForTheWholeLimitBreaksOffAfterOneWait() throws Exception {
        CountDownLatch holdingLineOne = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        EveryPooledConnection.execute(dataSource, "SET SESSION innodb_lock_wait_timeout = 1");
        try {
            CompletableFuture<Void> otherInstance = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status -> {
                workItems.openAll(drafted(List.of(alert(1))));
                holdingLineOne.countDown();
                try {
                    done.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                status.setRollbackOnly();
            }));
            assertThat(holdingLineOne.await(30, TimeUnit.SECONDS)).isTrue();
            long started = System.nanoTime();

            Throwable brokeOff;
            try {
                brokeOff = catchThrowable(() -> runWithoutLookingUpFirst(List.of(alert(1), alert(2))));
            } finally {
                done.countDown();
            }

            Duration took = Duration.ofNanos(System.nanoTime() - started);
            otherInstance.get(30, TimeUnit.SECONDS);
            // the controller answers it as the last line, a 503 (BatchProblems.brokenOff)
            assertThat(brokeOff).isInstanceOf(DataAccessException.class).matches(DatabaseFailures::lockWaitTimedOut)
                    .matches(DatabaseFailures::unavailable);
            assertThat(took).as("one wait of 1 s, not six").isLessThan(Duration.ofSeconds(3));
            assertThat(stored()).isZero();
        } finally {
            EveryPooledConnection.execute(dataSource, "SET SESSION innodb_lock_wait_timeout = 5"); // as the pool made them
        }
    }

    /** Another connection is running an INSERT into work_item (the tests use one database user, whose sessions it may see). */
    private boolean theChunkIsInserting() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID <> CONNECTION_ID()"
                + " AND INFO LIKE 'INSERT INTO work_item %'", Long.class) > 0;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void waitUntil(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("waited 30 s in vain");
            }
            pause(Duration.ofMillis(5));
        }
    }
}
