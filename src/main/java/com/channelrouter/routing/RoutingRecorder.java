package com.channelrouter.routing;

import com.channelrouter.workitem.NewWorkItem;
import com.channelrouter.workitem.WorkItems;
import jakarta.annotation.PreDestroy;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSessionFactory;
import org.mybatis.spring.SqlSessionTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stores routed items, each with its decision, history, feed events and idempotency key, by group
 * commit: a request hands its item over and waits; a writer takes everything handed over meanwhile (up to
 * {@value #GROUP}) and stores it in one transaction with multi-row statements, as a batch does. Concurrent
 * requests so share one commit, one redo-log flush, instead of paying one each, which is what held
 * {@code POST /routings} to a few hundred items per second on MariaDB. A group the database refuses (an
 * external id or key that another instance stored meanwhile) is stored again item by item, so that a
 * conflict fails only its own request, exactly as if each had been stored alone.
 */
@Component
class RoutingRecorder {

    static final int GROUP = 200;
    /** Groups stored at once, each in its own transaction on its own connection. */
    static final int WRITERS = 3;
    private static final Duration WAIT_AT_MOST = Duration.ofSeconds(60);
    private static final Logger log = LoggerFactory.getLogger(RoutingRecorder.class);

    private final WorkItems workItems;
    private final SqlSessionTemplate batch;
    private final TransactionTemplate transaction;
    private final BlockingQueue<Pending> handedOver = new LinkedBlockingQueue<>();
    private final ExecutorService writers = Executors.newFixedThreadPool(WRITERS, runnable -> {
        Thread thread = new Thread(runnable, "routing-writer");
        thread.setDaemon(true);
        return thread;
    });

    RoutingRecorder(WorkItems workItems, SqlSessionFactory sessions, TransactionTemplate transaction) {
        this.workItems = workItems;
        // a group's idempotency keys go to the database as one JDBC batch (a multi-row INSERT with the driver's
        // rewriteBatchedStatements), after the items they name
        this.batch = new SqlSessionTemplate(sessions, ExecutorType.BATCH);
        this.transaction = transaction;
        for (int i = 0; i < WRITERS; i++) {
            writers.execute(this::writeGroups);
        }
    }

    /** An item handed over by a request, and the request's wait for it. */
    record Pending(NewWorkItem item, String clientId, String idempotencyKey, CompletableFuture<Void> stored) {
    }

    /** Stores the item and returns once it is committed; a DuplicateKeyException means it is stored already. */
    void record(NewWorkItem item, String clientId, String idempotencyKey) {
        Pending pending = new Pending(item, clientId, idempotencyKey, new CompletableFuture<>());
        handedOver.add(pending);
        try {
            pending.stored().get(WAIT_AT_MOST.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(failed.getCause());
        } catch (TimeoutException | InterruptedException notStoredInTime) {
            if (notStoredInTime instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            // it may still be stored: a repeat of the request then answers with it
            throw new IllegalStateException("The database did not store the item within " + WAIT_AT_MOST, notStoredInTime);
        }
    }

    private void writeGroups() {
        List<Pending> group = new ArrayList<>(GROUP);
        while (!Thread.currentThread().isInterrupted()) {
            try {
                group.add(handedOver.take());
            } catch (InterruptedException stopping) {
                return;
            }
            handedOver.drainTo(group, GROUP - 1);
            store(group);
            group.clear();
        }
    }

    /** Stores a group in one transaction, or item by item if the database refuses it; completes each wait. */
    void store(List<Pending> group) {
        try {
            write(group);
            group.forEach(p -> p.stored().complete(null));
        } catch (DataAccessException refused) {
            if (group.size() == 1) {
                group.get(0).stored().completeExceptionally(refused);
            } else {
                group.forEach(this::storeAlone);
            }
        } catch (RuntimeException | Error unexpected) {
            log.error("Storing {} routed items failed", group.size(), unexpected);
            group.forEach(p -> p.stored().completeExceptionally(unexpected));
        }
    }

    private void storeAlone(Pending pending) {
        try {
            write(List.of(pending));
            pending.stored().complete(null);
        } catch (RuntimeException | Error failed) {
            pending.stored().completeExceptionally(failed);
        }
    }

    /** The items, then the idempotency keys that name them, in one transaction. */
    private void write(List<Pending> pendings) {
        transaction.executeWithoutResult(status -> {
            workItems.openAll(pendings.stream().map(Pending::item).toList());
            // asked for here, not at construction: MyBatis knows the mapper once its own bean exists
            IdempotencyKeyMapper keys = batch.getMapper(IdempotencyKeyMapper.class);
            pendings.stream().filter(p -> p.idempotencyKey() != null).forEach(p -> keys.insert(p.clientId(),
                    p.idempotencyKey(), p.item().requestHash(), p.item().workItemId(), p.item().createdAt()));
            batch.flushStatements();
        });
    }

    @PreDestroy
    void stop() throws InterruptedException {
        writers.shutdownNow();
        writers.awaitTermination(10, TimeUnit.SECONDS);
        handedOver.forEach(p -> p.stored().completeExceptionally(new IllegalStateException("The service is stopping")));
    }
}
