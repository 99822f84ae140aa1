package com.channelrouter.events;

import java.time.Instant;

/** One event of a channel's feed as stored: its place in the feed, what happened and its details as JSON. */
record FeedEvent(long seq, String recipient, String eventType, String workItemId, Instant createdAt, String payloadJson) {
}
