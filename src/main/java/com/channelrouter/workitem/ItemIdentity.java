package com.channelrouter.workitem;

import com.channelrouter.domain.ItemType;
import com.channelrouter.domain.SourceChannel;

/** What never changes about a work item: its id, its type and the channel it came from. */
record ItemIdentity(String workItemId, ItemType itemType, SourceChannel sourceChannel) {
}
