package com.channelrouter.events;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSessionFactory;
import org.mybatis.spring.SqlSessionTemplate;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

/**
 * Gives committed outbox rows their place in the feed, in commit-visible order and without gaps. A row
 * that commits late (its transaction began early) gets a later place rather than one a reader has
 * already passed. Runs on one instance at a time; the unique feed_seq keeps it correct even if two overlap.
 */
@Component
class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 1_000;

    private final SqlSessionTemplate batch;
    private final OutboxMapper outbox;
    private final TransactionTemplate transaction;

    /**
     * Runs on a batching session: the updates of one relay run go to the database as one JDBC batch (one
     * round trip with rewriteBatchedStatements), which keeps up with thousands of new events a second.
     */
    OutboxRelay(SqlSessionFactory sessions, TransactionTemplate transaction) {
        this.batch = new SqlSessionTemplate(sessions, ExecutorType.BATCH);
        this.outbox = batch.getMapper(OutboxMapper.class);
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

    /** Sequences one batch in the caller's transaction; returns how many rows it placed. */
    int relay() {
        List<Long> pending = outbox.findUnsequenced(BATCH);
        long next = outbox.maxFeedSeq();
        for (long outboxId : pending) {
            outbox.assignFeedSeq(outboxId, ++next);
        }
        batch.flushStatements();
        return pending.size();
    }
}
