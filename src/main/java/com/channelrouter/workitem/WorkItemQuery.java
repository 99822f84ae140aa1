package com.channelrouter.workitem;

import com.channelrouter.domain.Channel;
import com.channelrouter.domain.ItemType;
import com.channelrouter.domain.SourceChannel;

import java.time.Instant;

/**
 * A page of work items: the caller's filters plus the visibility rule (see everything, or only what a
 * channel owns or sourced, or only what a client routed), newest first.
 */
record WorkItemQuery(boolean seeAll, String visibleToChannel, String visibleToClient, Channel ownerChannel,
                     SourceChannel sourceChannel, WorkItemStatus status, ItemType itemType, Boolean breached, Instant from,
                     Instant to, Instant now, int offset, int limit) {
}
