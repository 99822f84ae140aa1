package com.channelrouter.workitem;

import com.channelrouter.domain.Channel;
import com.channelrouter.domain.ItemType;
import com.channelrouter.domain.SourceChannel;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;

/**
 * A work item as the API shows it: where it is, its deadlines and whether they are met, its decision and
 * history, the outcome it was closed with, and what can be done to it now.
 */
record WorkItemView(String workItemId, ItemType itemType, WorkItemStatus status, Channel ownerChannel,
                           SourceChannel sourceChannel, String externalId, String customerId, Instant occurredAt,
                           Instant createdAt, String createdBy, String outcome, List<WorkItemAction> allowedActions,
                           JsonNode request, JsonNode decision, Sla sla, List<WorkItemEvent> history) {

    /** Deadlines and, for each, whether it was met (null while open and not yet due). */
    public record Sla(Instant responseDueAt, Instant resolveDueAt, Instant dispatchDueAt, Boolean responseMet,
                      Boolean resolveMet, Boolean dispatchMet) {
    }
}
