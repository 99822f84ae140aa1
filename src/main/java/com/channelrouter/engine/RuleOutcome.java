package com.channelrouter.engine;

import java.util.List;

/**
 * The rows that decided one item: the first matching routing row (null when none matched), whether its
 * assist channels join, the first matching SLA row (null when none matched), and every matching
 * escalation row in table order.
 */
public record RuleOutcome(RoutingRow routing, boolean assistApplies, SlaRow sla, List<EscalationRow> escalations) {
}
