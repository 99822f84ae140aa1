package com.channelrouter.engine;

import com.channelrouter.sla.SlaTerms;

import java.util.List;

/** One row of the SLA table: the first row whose conditions hold gives the item its terms. */
public record SlaRow(String ruleId, RowLocation location, List<Condition> conditions, SlaTerms terms) {

    public SlaRow {
        conditions = List.copyOf(conditions);
    }
}
