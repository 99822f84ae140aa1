package com.channelrouter.workitem;

import com.channelrouter.domain.DeadlineKind;
import com.channelrouter.domain.EscalationLevel;

import java.time.Instant;

/**
 * An escalation the policy plans for an item: at {@code dueAt}, if the deadline is still unmet, tell
 * {@code level}. A dispatch escalation without {@code dueAt} waits for the item to be returned.
 */
public record PlannedEscalation(String ruleId, DeadlineKind deadline, int percent, EscalationLevel level, Instant dueAt) {
}
