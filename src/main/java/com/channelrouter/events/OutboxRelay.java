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
 * Gives committed outbox rows their place in the feed, in commit-visible order. A row
 * that commits late (its transaction began early) gets a later place rather than one a reader has
 * already passed. Runs on one instance at a time; the unique feed_seq keeps it correct even if two overlap.
 */
@Component
class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 1_000;

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
     * Sequences one batch of waiting rows (any of them: the batches of a backlog get their places one after
     * another) in the caller's transaction with one statement: each row's place is its outbox id shifted
     * past the last place given, so places keep the outbox order within the batch, come after every place a
     * reader may have seen, and are given to the whole batch at once (a place may be skipped; none is reused).
     * Returns how many rows were waiting.
     */
    int relay() {
        List<Long> pending = outbox.findUnsequenced(BATCH).stream().sorted().toList();
        if (pending.isEmpty()) {
            return 0;
        }
        long first = pending.get(0);
        long offset = outbox.maxFeedSeq() + 1 - first;
        outbox.sequence(pending, offset);
        return pending.size();
    }
}
