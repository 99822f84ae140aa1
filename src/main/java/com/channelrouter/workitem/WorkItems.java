package com.channelrouter.workitem;

import com.channelrouter.domain.SourceChannel;
import com.channelrouter.security.ApiClient;
import com.channelrouter.security.Role;
import com.channelrouter.web.NotFoundException;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The work items routed by the service: stores a new item with its decision and first history entry,
 * and shows an item only to those who may see it (its owner, its source, the operations centre's
 * dispatchers, admins, and the client that routed it); to everyone else it does not exist.
 */
@Service
public class WorkItems {

    private final WorkItemMapper mapper;
    private final JsonMapper json;
    private final Clock clock;

    WorkItems(WorkItemMapper mapper, JsonMapper json, Clock clock) {
        this.mapper = mapper;
        this.json = json;
        this.clock = clock;
    }

    /** Stores the item, its decision and its ROUTED event; call inside the caller's transaction. */
    public void open(NewWorkItem item) {
        mapper.insert(item, item.initialStatus());
        mapper.insertDecision(item);
        mapper.insertEvent(item.workItemId(),
                new WorkItemEvent(EventType.ROUTED, item.ownerChannel(), item.createdBy(), item.createdAt(), null));
    }

    public Optional<PriorRouting> findByExternalId(SourceChannel sourceChannel, String externalId) {
        return mapper.findByExternalId(sourceChannel, externalId);
    }

    public Optional<String> decisionJson(String workItemId) {
        return mapper.findDecisionJson(workItemId);
    }

    public WorkItemView read(String workItemId, ApiClient caller) {
        WorkItemRecord item = mapper.findById(workItemId)
                .filter(found -> mayRead(caller, found))
                .orElseThrow(() -> new NotFoundException("No work item " + workItemId + "."));
        Instant now = clock.instant();
        return new WorkItemView(item.workItemId(), item.itemType(), item.status(), item.ownerChannel(), item.sourceChannel(),
                item.externalId(), item.customerId(), item.occurredAt(), item.createdAt(), item.createdBy(),
                json.readTree(item.requestJson()), json.readTree(item.decisionJson()),
                new WorkItemView.Sla(item.responseDueAt(), item.resolveDueAt(), item.dispatchDueAt(),
                        SlaStatus.met(item.responseDueAt(), item.claimedAt(), now),
                        SlaStatus.met(item.resolveDueAt(), item.closedAt(), now),
                        SlaStatus.met(item.dispatchDueAt(), item.dispatchedAt(), now)),
                mapper.findEvents(workItemId));
    }

    private static boolean mayRead(ApiClient caller, WorkItemRecord item) {
        if (caller.has(Role.ADMIN) || caller.has(Role.DISPATCHER) || caller.id().equals(item.createdBy())) {
            return true;
        }
        return caller.has(Role.CHANNEL) && caller.channel() != null
                && (caller.channel() == item.sourceChannel() || caller.speaksFor(item.ownerChannel()));
    }
}
