package com.channelrouter.routing;

import com.channelrouter.domain.Channel;
import com.channelrouter.domain.CustomerClass;
import com.channelrouter.domain.DeadlineKind;
import com.channelrouter.domain.EscalationLevel;
import com.channelrouter.domain.ItemType;
import com.channelrouter.domain.SlaClock;
import com.channelrouter.domain.SourceChannel;
import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * What the decision tables decided for one item, with the rows that decided, the version they belong
 * to and a human explanation. Returned to the caller and stored whole with the work item.
 *
 * @param workItemId  set when the item was stored (absent from /evaluate answers)
 * @param provisional true when the customer registry was needed but could not be reached, so the decision
 *                    rests on the request's fields alone (only /evaluate answers this way)
 */
public record RoutingDecision(
        String decisionId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String workItemId,
        ItemType itemType,
        String customerId,
        CustomerClass customerClass,
        boolean accountManagerTagged,
        SourceChannel sourceChannel,
        Channel ownerChannel,
        boolean secondTransfer,
        Channel targetChannel,
        List<Channel> assistChannels,
        String routingRule,
        Sla sla,
        String tableVersion,
        boolean provisional,
        Instant occurredAt,
        Instant decidedAt,
        List<MatchedRow> matchedRows,
        List<String> explanation) {

    /**
     * The service levels of the item and its deadlines, as UTC instants to the second, with the escalations
     * the policy plans for them. {@code dispatchMinutes} is the allowance for a re-dispatch by hand: it
     * gives a dispatch deadline now for a second transfer, or later if the item is returned.
     */
    @Schema(name = "DecisionSla") // not "Sla": a work item's deadlines and whether they were met are another shape
    public record Sla(String rule, SlaClock clock, int responseMinutes, int resolveMinutes, int dispatchMinutes,
                      Instant clockStartsAt, Instant responseDueAt, Instant resolveDueAt, Instant dispatchDueAt,
                      List<Escalation> escalations) {
    }

    /**
     * A planned escalation: at {@code at}, if the deadline is still not met, {@code level} is told. {@code at}
     * is null for a dispatch escalation of an item without a dispatch deadline (it applies if it is returned).
     */
    public record Escalation(String rule, DeadlineKind deadline, int percent, EscalationLevel level, Instant at) {
    }

    /** A table row that took part in the decision, located the way a business owner finds it. */
    public record MatchedRow(String table, String rule, String workbook, String sheet, int row) {
    }

    RoutingDecision withWorkItemId(String id) {
        return new RoutingDecision(decisionId, id, itemType, customerId, customerClass, accountManagerTagged, sourceChannel,
                ownerChannel, secondTransfer, targetChannel, assistChannels, routingRule, sla, tableVersion, provisional,
                occurredAt, decidedAt, matchedRows, explanation);
    }
}
