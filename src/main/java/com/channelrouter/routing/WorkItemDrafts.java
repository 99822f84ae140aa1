package com.channelrouter.routing;

import com.channelrouter.domain.AlertKind;
import com.channelrouter.domain.CustomerClass;
import com.channelrouter.domain.FaultCategory;
import com.channelrouter.domain.ItemType;
import com.channelrouter.domain.LeadStage;
import com.channelrouter.domain.Severity;
import com.channelrouter.domain.SourceChannel;
import com.channelrouter.security.ApiClient;
import com.channelrouter.support.Hashes;
import com.channelrouter.workitem.NewWorkItem;
import com.channelrouter.workitem.PlannedEscalation;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * What a routing request becomes on its way to storage, the same for a single request and a batch line:
 * first a checked request with its fingerprint, then, once decided, the work item to store.
 */
@Component
class WorkItemDrafts {

    private final JsonMapper json;
    private final Clock clock;

    WorkItemDrafts(JsonMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /** A request that passed Bean Validation, in domain terms; throws InvalidRequestException for what only conversion sees. */
    CheckedRequest check(RoutingRequest request) {
        RoutingRequest normalized = request.normalized();
        RoutingItem item = RoutingItem.from(normalized, clock.instant());
        return new CheckedRequest(normalized, item, fingerprint(normalized, item));
    }

    NewWorkItem draft(RoutingDecision decision, CheckedRequest request, ApiClient client) {
        RoutingItem item = request.item();
        RoutingDecision.Sla sla = decision.sla();
        List<PlannedEscalation> escalations = sla.escalations().stream()
                .map(e -> new PlannedEscalation(e.rule(), e.deadline(), e.percent(), e.level(), e.at())).toList();
        return new NewWorkItem(decision.workItemId(), item.itemType(), item.sourceChannel(), item.externalId(),
                item.customerId(), decision.ownerChannel(), decision.secondTransfer(), item.occurredAt(),
                sla.responseDueAt(), sla.resolveDueAt(), sla.dispatchDueAt(), sla.clock(), sla.dispatchMinutes(), request.fingerprint(),
                client.id(), clock.instant(), decision.decisionId(), decision.tableVersion(), decision.routingRule(), sla.rule(),
                json.writeValueAsString(request.normalized().arrivedAt(item.occurredAt())), json.writeValueAsString(decision),
                escalations);
    }

    /**
     * SHA-256 of what the request means: its fields with the contract's defaults applied (so leaving out
     * leadStage or sending OPPORTUNITY is the same request) and its arrival time as sent, in UTC.
     */
    private String fingerprint(RoutingRequest normalized, RoutingItem item) {
        return Hashes.sha256Hex(json.writeValueAsString(new Fingerprint(item.itemType(), item.externalId(), item.sourceChannel(),
                normalized.occurredAt(), item.customerId(), normalized.customer().name(), item.customerClass(),
                item.accountManagerId(), item.productCode(), item.leadStage(), item.alertKind(), item.faultCategory(),
                item.severity(), normalized.description())));
    }

    /** The fields of a request that make it this request and not another. */
    private record Fingerprint(ItemType itemType, String externalId, SourceChannel sourceChannel, String occurredAt,
                               String customerId, String customerName, CustomerClass customerClass, String accountManagerId,
                               String productCode, LeadStage leadStage, AlertKind alertKind, FaultCategory faultCategory,
                               Severity severity, String description) {
    }
}
