package com.channelrouter.workitem;

import com.channelrouter.domain.Channel;
import com.channelrouter.domain.DeadlineKind;
import com.channelrouter.domain.EscalationLevel;
import com.channelrouter.domain.ItemType;
import com.channelrouter.domain.SourceChannel;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/** What a channel system's feed says about one event of a work item. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ItemEventMessage(String workItemId, ItemType itemType, EventType type, WorkItemStatus status,
                               Channel ownerChannel, SourceChannel sourceChannel, Channel channel, String actor, Instant at,
                               String reason, DeadlineKind deadline, EscalationLevel level) {
}
