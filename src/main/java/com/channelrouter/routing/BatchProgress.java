package com.channelrouter.routing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Counts a batch's answers, keeps its row up to date and logs a progress line now and then. */
final class BatchProgress {
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);
    private static final Duration STATUS_EVERY = Duration.ofSeconds(1);
    /** Under the batch's own name, where operators look for its progress lines. */
    private static final Logger log = LoggerFactory.getLogger(BatchRoutings.class);

    private final RoutingBatchMapper batches;
    private final Clock clock;
    private RoutingBatch batch;
    private long lines;
    /** The number of the last line answered. */
    private long lastLine;
    private long stored;
    private long replayed;
    private long refused;
    private Instant lastStatus;
    private Instant lastLog;

    BatchProgress(RoutingBatch batch, RoutingBatchMapper batches, Clock clock) {
        this.batch = batch;
        this.batches = batches;
        this.clock = clock;
        this.lastStatus = batch.startedAt();
        this.lastLog = batch.startedAt();
    }

    /** The lines answered so far. */
    long lines() {
        return lines;
    }

    /** The number of the last line answered. */
    long lastLine() {
        return lastLine;
    }

    void count(BatchLine slot) {
        lines++;
        lastLine = slot.line;
        if (slot.status != 201) {
            refused++;
        } else if (slot.replayed) {
            replayed++;
        } else {
            stored++;
        }
    }

    void report() {
        Instant now = clock.instant();
        if (Duration.between(lastStatus, now).compareTo(STATUS_EVERY) >= 0) {
            save(RoutingBatch.RUNNING, null, null, now);
        }
        if (Duration.between(lastLog, now).compareTo(PROGRESS_EVERY) >= 0) {
            lastLog = now;
            log.info("Batch {}: {} lines ({} stored, {} replayed, {} refused), {} lines/s", batch.batchId(), lines, stored,
                    replayed, refused, batch.linesPerSecond());
        }
    }

    void finish(String state, String failure) {
        Instant now = clock.instant();
        try {
            save(state, now, failure, now);
        } catch (DataAccessException unavailable) {
            log.warn("Batch {}: could not record its end ({}): {}", batch.batchId(), state, unavailable.getMessage());
        }
        log.info("Batch {} {}: {} lines ({} stored, {} replayed, {} refused) in {} s", batch.batchId(), state, lines, stored,
                replayed, refused, Duration.between(batch.startedAt(), now).toMillis() / 1000.0);
    }

    private void save(String state, Instant finishedAt, String failure, Instant now) {
        lastStatus = now;
        batch = new RoutingBatch(batch.batchId(), batch.clientId(), state, lines, stored, replayed, refused, batch.startedAt(),
                now, finishedAt, failure == null ? null : failure.substring(0, Math.min(failure.length(), 1000)));
        batches.update(batch);
    }
}
