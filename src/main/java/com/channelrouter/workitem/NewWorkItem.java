package com.channelrouter.workitem;

import com.channelrouter.domain.Channel;
import com.channelrouter.domain.ItemType;
import com.channelrouter.domain.SlaClock;
import com.channelrouter.domain.SourceChannel;

import java.time.Instant;
import java.util.List;

/**
 * A routed item to store, with the decision that routed it (kept whole as JSON for explanation and
 * replay), the fingerprint of the request that asked for it (for idempotent repeats), its clock and
 * dispatch allowance (for a later return) and the escalations its SLA plans.
 */
public record NewWorkItem(String workItemId, ItemType itemType, SourceChannel sourceChannel, String externalId,
                          String customerId, Channel ownerChannel, boolean secondTransfer, Instant occurredAt,
                          Instant responseDueAt, Instant resolveDueAt, Instant dispatchDueAt, SlaClock slaClock,
                          int dispatchMinutes, String requestHash, String createdBy, Instant createdAt, String decisionId,
                          String tableVersion, String routingRule, String slaRule, String requestJson, String decisionJson,
                          List<PlannedEscalation> escalations) {

    public NewWorkItem {
        escalations = List.copyOf(escalations);
    }

    /** The plan as stored on the item's row (a column of {@link WorkItemRows#ITEMS}). */
    String escalationPlan() {
        return EscalationPlan.of(escalations).text();
    }

    /** When the breach detector first needs to look at the item (a column of {@link WorkItemRows#ITEMS}). */
    Instant nextEscalationAt() {
        return EscalationPlan.of(escalations).nextDueAt();
    }

    ItemIdentity identity() {
        return new ItemIdentity(workItemId, itemType, sourceChannel);
    }

    ItemState initialState() {
        return new ItemState(initialStatus(), ownerChannel, null, null, dispatchDueAt, null, null, 0, false);
    }

    /** Items the operations centre must re-dispatch by hand wait for it; the others wait for their owner. */
    WorkItemStatus initialStatus() {
        return secondTransfer ? WorkItemStatus.AWAITING_DISPATCH : WorkItemStatus.ROUTED;
    }
}
