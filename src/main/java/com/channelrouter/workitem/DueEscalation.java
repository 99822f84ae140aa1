package com.channelrouter.workitem;

import com.channelrouter.domain.DeadlineKind;
import com.channelrouter.domain.EscalationLevel;

import java.time.Instant;

/** A planned escalation whose time has come, waiting to be checked and fired or dropped. */
record DueEscalation(long stepId, String workItemId, DeadlineKind deadlineKind, int dispatchCycle, int thresholdPercent,
                     EscalationLevel escalationLevel, String ruleId, Instant dueAt) {
}
