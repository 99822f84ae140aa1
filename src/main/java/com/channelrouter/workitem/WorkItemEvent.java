package com.channelrouter.workitem;

import com.channelrouter.domain.Channel;
import com.channelrouter.domain.DeadlineKind;
import com.channelrouter.domain.EscalationLevel;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * Something that happened to a work item, as its history and the channels' feeds tell it: what, for which channel,
 * by whom, when and why; an escalation also which deadline it was about and who was told (other entries leave both out).
 */
record WorkItemEvent(EventType type, Channel channel, String actor, Instant at, String reason,
                     @JsonInclude(JsonInclude.Include.NON_NULL) DeadlineKind deadline,
                     @JsonInclude(JsonInclude.Include.NON_NULL) EscalationLevel level) {

    WorkItemEvent(EventType type, Channel channel, String actor, Instant at, String reason) {
        this(type, channel, actor, at, reason, null, null);
    }
}
