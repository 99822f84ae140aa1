package com.channelrouter.workitem;

import com.channelrouter.domain.Channel;
import com.channelrouter.domain.ItemType;
import com.channelrouter.domain.SourceChannel;

import java.time.Instant;

/**
 * A routed item to store, with the decision that routed it (kept whole as JSON for explanation and
 * replay) and the fingerprint of the request that asked for it (for idempotent repeats).
 */
public record NewWorkItem(String workItemId, ItemType itemType, SourceChannel sourceChannel, String externalId,
                          String customerId, Channel ownerChannel, boolean secondTransfer, Instant occurredAt,
                          Instant responseDueAt, Instant resolveDueAt, Instant dispatchDueAt, String requestHash,
                          String createdBy, Instant createdAt, String decisionId, String tableVersion,
                          String routingRule, String slaRule, String requestJson, String decisionJson) {

    /** Items the operations centre must re-dispatch by hand wait for it; the others wait for their owner. */
    WorkItemStatus initialStatus() {
        return secondTransfer ? WorkItemStatus.AWAITING_DISPATCH : WorkItemStatus.ROUTED;
    }
}
