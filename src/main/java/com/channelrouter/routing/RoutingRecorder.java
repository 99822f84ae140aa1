package com.channelrouter.routing;

import com.channelrouter.customer.Customer;
import com.channelrouter.security.ApiClient;
import com.channelrouter.support.DatabaseFailures;
import com.channelrouter.support.Ids;
import com.channelrouter.support.MultiRowInsert;
import com.channelrouter.workitem.NewWorkItem;
import com.channelrouter.workitem.PriorExternalId;
import com.channelrouter.workitem.WorkItems;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Decides and stores routed items by group commit: a request hands its checked item over and waits; a
 * writer takes everything handed over meanwhile (up to {@value #GROUP}) and, in one transaction, looks up
 * the group's registry entries with one query (and its external ids with another, while repeats come: see
 * below), decides the new items and stores them with multi-row statements, as a batch does. Concurrent
 * requests so share their lookups, one commit and one redo-log flush instead of paying for each. A group the
 * database refuses (an external id or key that another instance stored meanwhile, or a deadlock with it) is
 * handled again item by item, so that a conflict touches only its own request, exactly as if each had been
 * routed alone; an item that loses a deadlock on its own is routed again ({@value #DEADLOCK_RETRIES} times).
 * <p>
 * Most items are new, so a group skips the external-id lookup and inserts straight away: the unique key on
 * work_item's sourceChannel and externalId finds a repeat, and the group is then routed again, looking up,
 * before it is handled item by item if the database still refuses it (a repeat the decision now refuses is
 * looked up on its own, since its item is never inserted). After a repeat, groups look up first for a
 * while ({@link RepeatWatch}), so that a stream of repeats (a channel sending its day again) does not pay twice.
 * <p>
 * One writer writes its group's statements at a time, so that everything handed over meanwhile makes the
 * next group: two writing side by side each took half as many items per group, for as many statements and
 * commits per group. The other writer begins its transaction and waits with the next group's first item; it
 * starts once the group before has written its statements (not once it has committed: the commit's redo-log
 * flush overlaps the next group), or when that group has been held up (a lock wait behind another instance)
 * for longer than {@link #HELD_UP}, so that one stuck group does not stop every request.
 */
@Component
class RoutingRecorder {

    static final int GROUP = 200;
    /** Writer threads, taking turns: one writes its group while the other's gathers (or takes over from a held-up one). */
    static final int WRITERS = 2;
    /** How long a group may take before the next one is written beside it rather than after it. */
    static final Duration HELD_UP = Duration.ofMillis(250);
    /** Nothing to do before routing, as for a group handled again: its turn was taken and its items gathered the first time. */
    static final Runnable NOTHING_BEFORE = () -> {
    };
    /** Times a request is routed again after its transaction was rolled back as a deadlock's victim. */
    static final int DEADLOCK_RETRIES = 2;
    private static final Duration WAIT_AT_MOST = Duration.ofSeconds(60);
    private static final Logger log = LoggerFactory.getLogger(RoutingRecorder.class);

    private final RoutingDecisions decisions;
    private final WorkItemDrafts drafts;
    private final WorkItems workItems;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final BlockingQueue<Pending> handedOver = new LinkedBlockingQueue<>();
    /**
     * Held by the writer writing a group's statements; the other waits on it with its next group's first item.
     * Fair, so that the writer that just finished does not take it back before the one that has waited.
     */
    private final ReentrantLock writing = new ReentrantLock(true);
    private final ExecutorService writers = Executors.newFixedThreadPool(WRITERS, DecidingThreads.named("routing-writer"));
    private final RepeatWatch repeats = new RepeatWatch();

    RoutingRecorder(RoutingDecisions decisions, WorkItemDrafts drafts, WorkItems workItems, JdbcTemplate jdbc,
                    TransactionTemplate transaction) {
        this.decisions = decisions;
        this.drafts = drafts;
        this.workItems = workItems;
        this.jdbc = jdbc;
        this.transaction = transaction;
        for (int i = 0; i < WRITERS; i++) {
            writers.execute(this::writeGroups);
        }
    }

    /** A request to route and store, from a client, with the Idempotency-Key it came with (or null). */
    record Routing(CheckedRequest request, ApiClient client, String idempotencyKey) {
    }

    /** What became of a routing: its item stored now, or one stored earlier under the same external id. */
    sealed interface Outcome permits Stored, Earlier {
    }

    /** The item stored now, with its decision as stored: the JSON written once, for the row and for the answer. */
    record Stored(String workItemId, String decisionJson) implements Outcome {
    }

    /** The item already stored under the request's sourceChannel and externalId, for the caller to replay or refuse. */
    record Earlier(String workItemId, String requestHash, String decisionJson) implements Outcome {
    }

    /** A routing handed over by a request, and the request's wait for its outcome. */
    record Pending(Routing routing, CompletableFuture<Outcome> outcome) {
    }

    /**
     * Routes and stores the request, returning once it is committed. The decision's own refusals
     * (InvalidRequestException, UnprocessableException) come back as they are; a DuplicateKeyException
     * means another instance stored the same item or key meanwhile.
     */
    Outcome route(Routing routing) {
        Pending pending = new Pending(routing, new CompletableFuture<>());
        handedOver.add(pending);
        try {
            return pending.outcome().get(WAIT_AT_MOST.toSeconds(), TimeUnit.SECONDS);
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
            try {
                handle(group, lookUpFirst(), () -> takeTurnAndGather(group));
            } finally {
                letTheNextGroupWrite();
                group.clear();
            }
        }
    }

    /**
     * Runs in the group's transaction, already begun, so that its round trip is not part of the turn: waits
     * for the turn, then takes into the group whatever was handed over meanwhile.
     */
    private void takeTurnAndGather(List<Pending> group) {
        try {
            // false if the writer writing is held up: then this group is written beside it
            writing.tryLock(HELD_UP.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The service is stopping");
        }
        handedOver.drainTo(group, GROUP - group.size());
    }

    private void letTheNextGroupWrite() {
        if (writing.isHeldByCurrentThread()) {
            writing.unlock();
        }
    }

    /** True while repeats come ({@link RepeatWatch}). */
    boolean lookUpFirst() {
        return repeats.lookUpFirst();
    }

    /**
     * Routes a group in one transaction, looking its external ids up first or not, after {@code beforeRouting}
     * in the transaction; again with the lookup if a key refuses it, then item by item, and an item again if it
     * lost a deadlock; completes each wait.
     */
    void handle(List<Pending> group, boolean lookUpFirst, Runnable beforeRouting) {
        handle(group, lookUpFirst, beforeRouting, 0);
    }

    private void handle(List<Pending> group, boolean lookUpFirst, Runnable beforeRouting, int deadlocksLost) {
        try {
            Map<Pending, Outcome> outcomes = transaction.execute(status -> {
                beforeRouting.run();
                Map<Pending, Outcome> routed = routeAll(group, lookUpFirst);
                letTheNextGroupWrite(); // while this one commits: the redo-log flush needs nothing from it
                return routed;
            });
            outcomes.forEach((pending, outcome) -> pending.outcome().complete(outcome));
        } catch (DataAccessException refused) {
            List<Pending> waiting = group.stream().filter(p -> !p.outcome().isDone()).toList();
            if (!lookUpFirst && refused instanceof DuplicateKeyException) {
                // most likely an item stored before: the group again, finding it (and so looking up for a while)
                handle(waiting, true, NOTHING_BEFORE);
            } else if (group.size() == 1 && lostADeadlock(refused) && deadlocksLost < DEADLOCK_RETRIES) {
                // a deadlock's victim, rolled back whole: the other transaction (another instance storing the same
                // external id or key) may have stored its item by now, so it looks up again, as a repeat would
                handle(group, true, NOTHING_BEFORE, deadlocksLost + 1);
            } else if (group.size() == 1) {
                group.get(0).outcome().completeExceptionally(refused);
            } else {
                waiting.forEach(p -> handle(List.of(p), true, NOTHING_BEFORE));
            }
        } catch (RuntimeException | Error unexpected) {
            if (!Thread.currentThread().isInterrupted()) { // else the service is stopping
                log.error("Routing {} items failed", group.size(), unexpected);
            }
            group.forEach(p -> p.outcome().completeExceptionally(unexpected));
        }
    }

    /**
     * A deadlock's victim (SQLSTATE 40001: InnoDB's 1213, H2's too), rolled back whole; not a lock wait that timed
     * out (1205), which would wait as long again. Connector/J gives 1205 SQLSTATE 40001 as well (checked against
     * MariaDB 10.11): taken for a deadlock, a request held up by another instance's lock waited out the limit
     * again before its 503.
     */
    static boolean lostADeadlock(DataAccessException refused) {
        if (!(refused instanceof PessimisticLockingFailureException) || DatabaseFailures.lockWaitTimedOut(refused)) {
            return false;
        }
        for (Throwable cause = refused; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "40001".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Sorts out the items stored earlier, decides the others and stores them. Returns the outcomes to give
     * once the transaction commits; a request the decision refuses is answered at once.
     */
    private Map<Pending, Outcome> routeAll(List<Pending> group, boolean lookUpFirst) {
        Map<Pending, Outcome> outcomes = new LinkedHashMap<>();
        StoredExternalIds stored = lookUpFirst ? lookUp(group) : StoredExternalIds.NONE;
        List<Pending> fresh = new ArrayList<>();
        for (Pending pending : group) {
            RoutingItem item = pending.routing().request().item();
            PriorExternalId prior = stored.get(item.sourceChannel(), item.externalId());
            if (prior == null) {
                fresh.add(pending);
            } else {
                outcomes.put(pending, new Earlier(prior.workItemId(), prior.requestHash(), stored.decisionJson(prior)));
            }
        }
        Map<String, Customer> registered = decisions.registeredFor(fresh.stream().map(p -> p.routing().request().item()).toList());
        List<Pending> decided = new ArrayList<>();
        List<NewWorkItem> items = new ArrayList<>();
        Map<Pending, RuntimeException> refusals = new LinkedHashMap<>();
        for (Pending pending : fresh) {
            Routing routing = pending.routing();
            try {
                RoutingDecision decision = decisions.decide(routing.request().item(), registered).withWorkItemId(Ids.next());
                NewWorkItem item = drafts.draft(decision, routing.request(), routing.client());
                items.add(item);
                decided.add(pending);
                outcomes.put(pending, new Stored(item.workItemId(), item.decisionJson()));
            } catch (RuntimeException refused) {
                // not routable, a product not in the catalogue (or a fault of ours): only this request fails
                refusals.put(pending, refused);
            }
        }
        answerRefusals(refusals, lookUpFirst ? StoredExternalIds.NONE : lookUp(List.copyOf(refusals.keySet())), outcomes);
        store(decided, items);
        return outcomes;
    }

    /**
     * Fails each refused request at once, unless its external id names an item stored before: a repeat is
     * answered with what was stored, whatever the tables or the registry would decide now. Only a group that
     * did not look up first needs {@code storedBefore}: no INSERT of a refused item lets the unique key see it.
     */
    private static void answerRefusals(Map<Pending, RuntimeException> refusals, StoredExternalIds storedBefore,
                                       Map<Pending, Outcome> outcomes) {
        refusals.forEach((pending, refused) -> {
            RoutingItem item = pending.routing().request().item();
            PriorExternalId prior = storedBefore.get(item.sourceChannel(), item.externalId());
            if (prior == null) {
                pending.outcome().completeExceptionally(refused);
            } else {
                outcomes.put(pending, new Earlier(prior.workItemId(), prior.requestHash(), storedBefore.decisionJson(prior)));
            }
        });
    }

    /** The items stored under the group's external ids; while repeats keep coming, groups go on looking up first. */
    private StoredExternalIds lookUp(List<Pending> group) {
        List<RoutingItem> withExternalIds = group.stream().map(p -> p.routing().request().item())
                .filter(item -> item.externalId() != null).toList();
        return withExternalIds.isEmpty() ? StoredExternalIds.NONE : repeats.noted(StoredExternalIds.find(workItems, withExternalIds));
    }

    /** The items, then the idempotency keys that name them. */
    private void store(List<Pending> decided, List<NewWorkItem> items) {
        workItems.openAll(items);
        List<KeyRow> keys = new ArrayList<>();
        for (int i = 0; i < decided.size(); i++) {
            Routing routing = decided.get(i).routing();
            NewWorkItem item = items.get(i);
            if (routing.idempotencyKey() != null) {
                keys.add(new KeyRow(routing.client().id(), routing.idempotencyKey(), item.requestHash(), item.workItemId(), item.createdAt()));
            }
        }
        KEYS.insert(jdbc, keys);
    }

    /** A row of idempotency_key (the same columns as IdempotencyKeyMapper's single insert). */
    private record KeyRow(String clientId, String key, String requestHash, String workItemId, Instant createdAt) {
    }

    private static final MultiRowInsert<KeyRow> KEYS = MultiRowInsert.<KeyRow>into("idempotency_key")
            .column("client_id", KeyRow::clientId)
            .column("idem_key", KeyRow::key)
            .column("request_hash", KeyRow::requestHash)
            .column("work_item_id", KeyRow::workItemId)
            .column("created_at", KeyRow::createdAt)
            .build();

    @PreDestroy
    void stop() throws InterruptedException {
        writers.shutdownNow();
        writers.awaitTermination(10, TimeUnit.SECONDS);
        handedOver.forEach(p -> p.outcome().completeExceptionally(new IllegalStateException("The service is stopping")));
    }
}
