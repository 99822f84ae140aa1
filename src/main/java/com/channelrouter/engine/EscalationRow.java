package com.channelrouter.engine;

import com.channelrouter.domain.DeadlineKind;
import com.channelrouter.domain.EscalationLevel;

import java.util.List;

/**
 * One row of the escalation policy: when {@code percent} of the time to a deadline has passed and it is
 * not met, tell {@code level}. Every matching row applies, not only the first.
 */
public record EscalationRow(String ruleId, RowLocation location, List<Condition> conditions, DeadlineKind deadline,
                            int percent, EscalationLevel level) {

    public EscalationRow {
        conditions = List.copyOf(conditions);
    }
}
