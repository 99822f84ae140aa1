package com.channelrouter.events;

import com.channelrouter.support.MultiRowInsert;
import com.channelrouter.support.SchedulingConfiguration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * Gives committed events their places in their recipients' feeds, in commit-visible order, and takes them
 * out of the outbox. An event that commits late (its transaction began early) gets a later place rather
 * than one a reader has already passed. Runs on one instance at a time (ShedLock), and relays that overlap
 * anyway wait for each other on the feed head's row lock.
 */
@Component
@ConditionalOnProperty(name = SchedulingConfiguration.JOBS, havingValue = "true", matchIfMissing = true)
class OutboxRelay {

    /**
     * Events placed per transaction. Below 1,000 on purpose: MariaDB turns an IN list of 1,000 values or more
     * into a join with a table of those values (in_predicate_conversion_threshold) and may then read the
     * whole outbox instead of looking the ids up.
     */
    private static final int BATCH = 500;

    private static final MultiRowInsert<Place> FEED = MultiRowInsert.<Place>into("feed_event")
            .column("feed_seq", Place::feedSeq)
            .column("recipient_channel", Place::recipientChannel)
            .column("event_id", Place::eventId)
            .build();

    private record Place(long feedSeq, String recipientChannel, long eventId) {
    }

    private final OutboxMapper outbox;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    OutboxRelay(OutboxMapper outbox, JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.outbox = outbox;
        this.jdbc = jdbc;
        // READ COMMITTED: the removal of placed events then passes over events that other transactions are
        // still writing instead of waiting for them to commit, and no gap after them is locked for inserts
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    }

    @Scheduled(fixedDelayString = "${channel-router.events.relay-interval:PT0.2S}")
    @SchedulerLock(name = "outbox-relay", lockAtMostFor = "PT30S")
    void relayOnSchedule() {
        // relays wait for each other on the feed head, so a place given twice in a feed (a duplicate key of
        // feed_event) would mean a head behind the feed: it is left to fail loudly rather than be retried quietly
        while (relayBatch() == BATCH) {
            // more waiting: keep going
        }
    }

    /** Places one batch of waiting events in a transaction of its own; returns how many were waiting. */
    int relayBatch() {
        Integer waiting = transaction.execute(status -> relay());
        return waiting == null ? 0 : waiting;
    }

    /**
     * Places one batch of waiting events (the oldest: the batches of a backlog get their places one after
     * another) in the caller's transaction, one place per recipient, right after the last place given, so
     * that places keep the outbox order and come after every place a reader may have seen; the whole batch
     * becomes visible at once. Returns how many events were waiting.
     */
    private int relay() {
        long nextSeq = outbox.lockNextFeedSeq();
        List<WaitingEvent> waiting = outbox.findWaiting(BATCH);
        if (waiting.isEmpty()) {
            return 0;
        }
        List<Place> places = new ArrayList<>(waiting.size() * 2);
        for (WaitingEvent event : waiting) {
            for (String recipient : event.recipients()) {
                places.add(new Place(nextSeq++, recipient, event.eventId()));
            }
        }
        FEED.insert(jdbc, places);
        List<Long> eventIds = waiting.stream().map(WaitingEvent::eventId).toList();
        if (outbox.removeWaiting(eventIds) != eventIds.size()) {
            throw new IllegalStateException("another relay placed events of this batch; nothing of it is kept");
        }
        outbox.advanceNextFeedSeq(nextSeq);
        return waiting.size();
    }
}
