package com.channelrouter.workitem;

import com.channelrouter.domain.Channel;
import com.channelrouter.domain.ItemType;
import com.channelrouter.domain.SourceChannel;

import java.time.Instant;

/** What a caller asks of the work-item list; every filter is optional. Times bound when items were routed. */
record WorkItemFilter(Channel ownerChannel, SourceChannel sourceChannel, WorkItemStatus status, ItemType itemType,
                      Boolean breached, Instant from, Instant to, int page, int size) {
}
