package com.channelrouter.workitem;

import com.channelrouter.domain.Channel;

import java.time.Instant;

/** One entry of a work item's history: what happened, for which channel, by whom, when and why. */
record WorkItemEvent(EventType type, Channel channel, String actor, Instant at, String reason) {
}
