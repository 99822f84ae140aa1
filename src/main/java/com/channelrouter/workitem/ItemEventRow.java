package com.channelrouter.workitem;

import com.channelrouter.domain.Channel;
import com.channelrouter.domain.DeadlineKind;
import com.channelrouter.domain.EscalationLevel;

import java.time.Instant;

/** A history entry with the id of the item it belongs to. */
record ItemEventRow(String workItemId, WorkItemEvent event) {

    /** As a page's histories are read: one row per entry, every column flat. */
    ItemEventRow(String workItemId, EventType type, Channel channel, String actor, Instant at, String reason,
                 DeadlineKind deadline, EscalationLevel level) {
        this(workItemId, new WorkItemEvent(type, channel, actor, at, reason, deadline, level));
    }
}
