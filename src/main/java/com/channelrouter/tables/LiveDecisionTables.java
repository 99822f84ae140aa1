package com.channelrouter.tables;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The decision-table version this instance serves. Readers take one snapshot per decision, so a swap
 * never shows a request half of one version and half of another; a version is swapped in only after
 * it was fully built.
 */
public class LiveDecisionTables {

    private final AtomicReference<DecisionTables> live;

    public LiveDecisionTables(DecisionTables initial) {
        this.live = new AtomicReference<>(initial);
    }

    public DecisionTables current() {
        return live.get();
    }

    /** Makes a fully built version live; returns the one it replaced. */
    public DecisionTables activate(DecisionTables tables) {
        return live.getAndSet(tables);
    }
}
