package com.channelrouter.engine;

import java.util.BitSet;

/**
 * What the rules of one evaluation reported, by row index. Drools' consequences call it (it is the
 * {@code matches} global of the generated rules); the rules only ever pass integers.
 */
public final class RuleMatches {

    private int routingRow = -1;
    private int slaRow = -1;
    private final BitSet assistRows = new BitSet();
    private final BitSet escalationRows = new BitSet();

    public void routingRow(int index) {
        routingRow = index;
    }

    public void slaRow(int index) {
        slaRow = index;
    }

    public void assistApplies(int index) {
        assistRows.set(index);
    }

    public void escalationRow(int index) {
        escalationRows.set(index);
    }

    BitSet escalationRows() {
        return escalationRows;
    }

    int routingRow() {
        return routingRow;
    }

    int slaRow() {
        return slaRow;
    }

    boolean assistAppliesTo(int routingRowIndex) {
        return assistRows.get(routingRowIndex);
    }
}
