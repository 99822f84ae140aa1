package com.channelrouter.workitem;

import com.channelrouter.domain.Channel;
import com.channelrouter.domain.ItemType;
import com.channelrouter.domain.SourceChannel;
import io.swagger.v3.oas.annotations.media.Schema;
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
                           @Schema(ref = "#/components/schemas/RoutingRequest") JsonNode request,
                           @Schema(ref = "#/components/schemas/RoutingDecision") JsonNode decision,
                           Sla sla, List<WorkItemEvent> history) {

    /** Deadlines and, for each, whether it was met (null while open and not yet due). */
    @Schema(name = "WorkItemSla") // not "Sla": the decision's service levels are another shape
    public record Sla(Instant responseDueAt, Instant resolveDueAt, Instant dispatchDueAt, Boolean responseMet,
                      Boolean resolveMet, Boolean dispatchMet) {
    }
}
