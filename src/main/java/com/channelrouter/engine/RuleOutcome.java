package com.channelrouter.engine;

/**
 * The rows that decided one item: the first matching routing row (null when none matched), whether its
 * assist channels join, and the first matching SLA row (null when none matched).
 */
public record RuleOutcome(RoutingRow routing, boolean assistApplies, SlaRow sla) {
}
