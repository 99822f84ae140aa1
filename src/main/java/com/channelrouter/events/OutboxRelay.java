package com.channelrouter.events;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

/**
 * Gives committed outbox events their place in the feed, in commit-visible order: it moves them from the
 * outbox into feed_event. An event that commits late (its transaction began early) gets a later place
 * rather than one a reader has already passed. Runs on one instance at a time (ShedLock), and relays that
 * overlap anyway wait for each other on the feed head's row lock.
 */
@Component
class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /**
     * Events placed per transaction. Below 1,000 on purpose: MariaDB turns an IN list of 1,000 values or more
     * into a join with a table of those values (in_predicate_conversion_threshold), and then read the whole
     * outbox for each batch instead of looking the ids up.
     */
    private static final int BATCH = 500;

    private final OutboxMapper outbox;
    private final TransactionTemplate transaction;

    OutboxRelay(OutboxMapper outbox, TransactionTemplate transaction) {
        this.outbox = outbox;
        this.transaction = transaction;
    }

    @Scheduled(fixedDelayString = "${channel-router.events.relay-interval:PT0.2S}")
    @SchedulerLock(name = "outbox-relay", lockAtMostFor = "PT30S")
    void relayOnSchedule() {
        try {
            while (transaction.execute(status -> relay()) == BATCH) {
                // more waiting: keep going
            }
        } catch (DuplicateKeyException overlappingRelay) {
            log.debug("another relay sequenced the same events; trying again next time");
        }
    }

    /**
     * Places one batch of waiting events (the oldest: the batches of a backlog get their places one after
     * another) in the caller's transaction: each event's place is its outbox id shifted to the feed's next
     * place, so places keep the outbox order within the batch, come after every place a reader may have
     * seen, and are given to the whole batch at once (a place may be skipped; none is reused).
     * Returns how many events were waiting.
     */
    int relay() {
        long nextSeq = outbox.lockNextFeedSeq();
        List<Long> waiting = outbox.findWaiting(BATCH);
        if (waiting.isEmpty()) {
            return 0;
        }
        long offset = nextSeq - waiting.get(0);
        int placed = outbox.placeInFeed(waiting, offset);
        if (placed != waiting.size() || outbox.removeWaiting(waiting) != waiting.size()) {
            throw new IllegalStateException("another relay moved events of this batch; nothing of it is kept");
        }
        outbox.advanceNextFeedSeq(waiting.get(waiting.size() - 1) + offset + 1);
        return waiting.size();
    }
}
