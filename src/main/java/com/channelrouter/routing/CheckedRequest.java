package com.channelrouter.routing;

/**
 * A routing request that passed every check of its own, in domain terms, ready to be decided: its form
 * with the contract's defaults applied, its item, and its fingerprint (what makes a repeat a repeat).
 */
record CheckedRequest(RoutingRequest normalized, RoutingItem item, String fingerprint) {
}
