package com.channelrouter.workitem;

import com.channelrouter.domain.Channel;
import com.channelrouter.domain.DeadlineKind;
import com.channelrouter.domain.EscalationLevel;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * One entry of a work item's history: what happened, for which channel, by whom, when and why; an escalation
 * also says which deadline it was about and who was told (as the feed's event does), other entries leave both out.
 */
record WorkItemEvent(EventType type, Channel channel, String actor, Instant at, String reason,
                     @JsonInclude(JsonInclude.Include.NON_NULL) DeadlineKind deadline,
                     @JsonInclude(JsonInclude.Include.NON_NULL) EscalationLevel level) {

    WorkItemEvent(EventType type, Channel channel, String actor, Instant at, String reason) {
        this(type, channel, actor, at, reason, null, null);
    }
}
