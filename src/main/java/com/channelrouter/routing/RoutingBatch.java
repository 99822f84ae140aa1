package com.channelrouter.routing;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;

/**
 * A batch of routings as its status endpoint shows it: how far it has got, what came of the lines so far,
 * and how fast it goes. {@code state} is RUNNING, DONE or FAILED (the connection or the database broke
 * off; sending the batch again finishes it without duplicates).
 */
public record RoutingBatch(String batchId, String clientId, String state, long linesRead, long stored, long replayed,
                           long refused, Instant startedAt, Instant updatedAt, Instant finishedAt, String failure) {

    public static final String RUNNING = "RUNNING";
    public static final String DONE = "DONE";
    public static final String FAILED = "FAILED";

    /** Lines a second from the start to the last update. */
    @JsonProperty("linesPerSecond")
    public long linesPerSecond() {
        long millis = java.time.Duration.between(startedAt, updatedAt).toMillis();
        return millis <= 0 ? 0 : linesRead * 1000 / millis;
    }
}
