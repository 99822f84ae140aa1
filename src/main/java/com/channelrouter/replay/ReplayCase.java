package com.channelrouter.replay;

import tools.jackson.databind.JsonNode;

/**
 * One QA case: a routing request and what must come of it, either decision fields ({@code expect}, any
 * subset, nested like the decision) or a refusal ({@code expectStatus} 400 or 422). {@code where} says
 * where it was written ("cases.csv:12", "Tests!A5").
 */
public record ReplayCase(String name, String where, JsonNode request, JsonNode expect, Integer expectStatus) {
}
