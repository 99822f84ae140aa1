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
import com.channelrouter.support.Ids;
import com.channelrouter.web.FieldProblem;
import com.channelrouter.web.ProblemTypes;
import com.channelrouter.web.UnprocessableException;
import com.channelrouter.workitem.NewWorkItem;
import com.channelrouter.workitem.PlannedEscalation;
import com.channelrouter.workitem.PriorRouting;
import com.channelrouter.workitem.WorkItems;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Routes an item and stores it as a work item, exactly once: a repeat (same Idempotency-Key from the
 * same client, or same sourceChannel and externalId) gets the earlier decision back and creates
 * nothing; the same key with a different request is refused (422); a repeat still in flight is 409.
 */
@Service
class Routings {

    private final RoutingDecisions decisions;
    private final RoutingRecorder recorder;
    private final WorkItems workItems;
    private final IdempotencyKeyMapper idempotencyKeys;
    private final InFlightRequests inFlight;
    private final JsonMapper json;
    private final Clock clock;

    Routings(RoutingDecisions decisions, RoutingRecorder recorder, WorkItems workItems, IdempotencyKeyMapper idempotencyKeys,
             InFlightRequests inFlight, JsonMapper json, Clock clock) {
        this.decisions = decisions;
        this.recorder = recorder;
        this.workItems = workItems;
        this.idempotencyKeys = idempotencyKeys;
        this.inFlight = inFlight;
        this.json = json;
        this.clock = clock;
    }

    /** The stored decision of a routed item; {@code replayed} when an earlier request had already stored it. */
    public record Routed(String workItemId, Object body, boolean replayed) {
    }

    public Routed route(RoutingRequest request, String idempotencyKey, ApiClient client) {
        RoutingRequest normalized = request.normalized();
        RoutingItem item = RoutingItem.from(normalized, clock.instant());
        String fingerprint = fingerprint(normalized, item);
        Optional<Routed> earlier = findEarlier(client, idempotencyKey, item, fingerprint);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        try (InFlightRequests.Claim ignored = inFlight.claim(inFlightKeys(client, idempotencyKey, item))) {
            earlier = findEarlier(client, idempotencyKey, item, fingerprint);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            RoutingDecision decision = decisions.decide(item, CustomerProfiles.RegistryUse.REQUIRED).withWorkItemId(Ids.next());
            NewWorkItem workItem = newWorkItem(decision, item, normalized, fingerprint, client);
            try {
                recorder.record(workItem, client.id(), idempotencyKey);
            } catch (DuplicateKeyException storedByAnotherInstance) {
                return findEarlier(client, idempotencyKey, item, fingerprint).orElseThrow(() -> storedByAnotherInstance);
            }
            return new Routed(decision.workItemId(), decision, false);
        }
    }

    private Optional<Routed> findEarlier(ApiClient client, String idempotencyKey, RoutingItem item, String fingerprint) {
        if (idempotencyKey != null) {
            Optional<PriorRouting> prior = idempotencyKeys.find(client.id(), idempotencyKey);
            if (prior.isPresent()) {
                return Optional.of(replay(prior.get(), fingerprint, "Idempotency-Key",
                        "This Idempotency-Key was already used for a different request. Use a new key for a new item."));
            }
        }
        if (item.externalId() != null) {
            Optional<PriorRouting> prior = workItems.findByExternalId(item.sourceChannel(), item.externalId());
            if (prior.isPresent()) {
                return Optional.of(replay(prior.get(), fingerprint, "externalId",
                        "The externalId " + item.externalId() + " from " + item.sourceChannel()
                                + " already names a different item."));
            }
        }
        return Optional.empty();
    }

    private Routed replay(PriorRouting prior, String fingerprint, String field, String conflict) {
        if (!prior.requestHash().equals(fingerprint)) {
            throw new UnprocessableException(ProblemTypes.IDEMPOTENCY_KEY_REUSED, "Idempotency conflict", conflict + " Nothing was stored.",
                    List.of(new FieldProblem(field, "was already used for a different request")));
        }
        String stored = workItems.decisionJson(prior.workItemId()).orElseThrow();
        return new Routed(prior.workItemId(), json.readTree(stored), true);
    }

    private static List<String> inFlightKeys(ApiClient client, String idempotencyKey, RoutingItem item) {
        List<String> keys = new ArrayList<>();
        if (idempotencyKey != null) {
            keys.add("idem:" + client.id() + ":" + idempotencyKey);
        }
        if (item.externalId() != null) {
            keys.add("ext:" + item.sourceChannel() + ":" + item.externalId());
        }
        return keys;
    }

    NewWorkItem newWorkItem(RoutingDecision decision, RoutingItem item, RoutingRequest request, String fingerprint,
                                    ApiClient client) {
        RoutingDecision.Sla sla = decision.sla();
        Instant now = clock.instant();
        List<PlannedEscalation> escalations = sla.escalations().stream()
                .map(e -> new PlannedEscalation(e.rule(), e.deadline(), e.percent(), e.level(), e.at())).toList();
        return new NewWorkItem(decision.workItemId(), item.itemType(), item.sourceChannel(), item.externalId(),
                item.customerId(), decision.ownerChannel(), decision.secondTransfer(), item.occurredAt(),
                sla.responseDueAt(), sla.resolveDueAt(), sla.dispatchDueAt(), sla.clock(), sla.dispatchMinutes(), fingerprint,
                client.id(), now, decision.decisionId(), decision.tableVersion(), decision.routingRule(), sla.rule(),
                json.writeValueAsString(request.arrivedAt(item.occurredAt())), json.writeValueAsString(decision), escalations);
    }

    /**
     * SHA-256 of what the request means: its fields with the contract's defaults applied (so leaving out
     * leadStage or sending OPPORTUNITY is the same request) and its arrival time as sent, in UTC.
     */
    String fingerprint(RoutingRequest normalized, RoutingItem item) {
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
