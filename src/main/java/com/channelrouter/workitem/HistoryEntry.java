package com.channelrouter.workitem;

import com.channelrouter.domain.Channel;
import com.channelrouter.domain.DeadlineKind;
import com.channelrouter.domain.EscalationLevel;

import java.time.Instant;

/** Something that happened to a work item, as its history and the channels' feeds tell it. */
record HistoryEntry(EventType type, Channel channel, String actor, Instant at, String reason, DeadlineKind deadline,
                    EscalationLevel level) {

    static HistoryEntry of(EventType type, Channel channel, String actor, Instant at, String reason) {
        return new HistoryEntry(type, channel, actor, at, reason, null, null);
    }

    WorkItemEvent event() {
        return new WorkItemEvent(type, channel, actor, at, reason, deadline, level);
    }
}
