package com.channelrouter.workitem;

import com.channelrouter.domain.SourceChannel;
import com.channelrouter.security.ApiClient;
import com.channelrouter.web.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The work items routed by the service: stores a new item (its escalation plan on its own row) with its
 * decision, first history entry and first feed events; shows items only to those who may see them.
 */
@Service
public class WorkItems {

    private final WorkItemMapper mapper;
    private final JdbcTemplate jdbc;
    private final WorkItemHistory history;
    private final JsonMapper json;
    private final Clock clock;

    WorkItems(WorkItemMapper mapper, WorkItemHistory history, JsonMapper json, Clock clock, JdbcTemplate jdbc) {
        this.mapper = mapper;
        this.jdbc = jdbc;
        this.history = history;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Stores new items and everything that goes with them (decision, first history entry, first feed events),
     * in the caller's transaction (there must be one), with one multi-row INSERT per table for every hundred
     * items. A duplicate external id fails the whole call (DuplicateKeyException).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void openAll(List<NewWorkItem> items) {
        if (items.isEmpty()) {
            return;
        }
        WorkItemRows.ITEMS.insert(jdbc, items);
        WorkItemRows.DECISIONS.insert(jdbc, items);
        history.recordRouted(items);
    }

    /** The items already stored under these external ids of one source channel. */
    public List<PriorExternalId> findByExternalIds(SourceChannel sourceChannel, Collection<String> externalIds) {
        return externalIds.isEmpty() ? List.of() : mapper.findByExternalIds(sourceChannel, externalIds);
    }

    /** The stored decisions of these items, as JSON, by item id. */
    public Map<String, String> decisionJsons(Collection<String> workItemIds) {
        Map<String, String> found = new HashMap<>();
        if (!workItemIds.isEmpty()) {
            mapper.findDecisionJsons(workItemIds).forEach(d -> found.put(d.workItemId(), d.decisionJson()));
        }
        return found;
    }

    public Optional<PriorRouting> findByExternalId(SourceChannel sourceChannel, String externalId) {
        return mapper.findByExternalId(sourceChannel, externalId);
    }

    /** The most recent routings since {@code since}, newest first, at most {@code limit}. */
    public List<StoredRouting> routedSince(Instant since, int limit) {
        return mapper.findRoutedSince(since, limit);
    }

    public Optional<String> decisionJson(String workItemId) {
        return mapper.findDecisionJson(workItemId);
    }

    public WorkItemView read(String workItemId, ApiClient caller) {
        WorkItemRecord item = visible(workItemId, caller);
        return view(item, mapper.findEvents(workItemId), caller, clock.instant());
    }

    /**
     * The item as it is after a move the caller just made, even if the move took it out of the caller's
     * sight (a returned item belongs to the operations centre now).
     */
    WorkItemView afterMove(String workItemId, ApiClient caller) {
        WorkItemRecord item = mapper.findById(workItemId).orElseThrow();
        return view(item, mapper.findEvents(workItemId), caller, clock.instant());
    }

    /** The item if the caller may see it; otherwise, as for an unknown id, 404. */
    WorkItemRecord visible(String workItemId, ApiClient caller) {
        return mapper.findById(workItemId)
                .filter(found -> WorkItemAccess.mayRead(caller, found))
                .orElseThrow(() -> new NotFoundException("No work item " + workItemId + "."));
    }

    WorkItemPage list(WorkItemFilter filter, ApiClient caller) {
        Instant now = clock.instant();
        WorkItemQuery query = new WorkItemQuery(WorkItemAccess.visibility(caller), filter.ownerChannel(), filter.sourceChannel(),
                filter.status(), filter.itemType(), filter.breached(), filter.from(), filter.to(), SlaStatus.toTheSecond(now),
                filter.page() * filter.size(), filter.size());
        List<WorkItemRecord> records = mapper.findPage(query);
        Map<String, List<WorkItemEvent>> events = new LinkedHashMap<>();
        records.forEach(r -> events.put(r.workItemId(), new ArrayList<>()));
        if (!records.isEmpty()) {
            mapper.findEventsOf(events.keySet()).forEach(row -> events.get(row.workItemId()).add(row.event()));
        }
        List<WorkItemView> items = records.stream().map(r -> view(r, events.get(r.workItemId()), caller, now)).toList();
        long total = mapper.countPage(query);
        return new WorkItemPage(items, filter.page(), filter.size(), Math.min(total, WorkItemQuery.COUNT_CAP),
                total <= WorkItemQuery.COUNT_CAP);
    }

    private WorkItemView view(WorkItemRecord item, List<WorkItemEvent> events, ApiClient caller, Instant now) {
        return new WorkItemView(item.workItemId(), item.itemType(), item.status(), item.ownerChannel(), item.sourceChannel(),
                item.externalId(), item.customerId(), item.occurredAt(), item.createdAt(), item.createdBy(), item.closeOutcome(),
                WorkItemAccess.actionsFor(caller, item),
                json.readTree(item.requestJson()), json.readTree(item.decisionJson()),
                new WorkItemView.Sla(item.responseDueAt(), item.resolveDueAt(), item.dispatchDueAt(),
                        SlaStatus.met(item.responseDueAt(), item.claimedAt(), now),
                        SlaStatus.met(item.resolveDueAt(), item.closedAt(), now),
                        // a late dispatch in an earlier cycle stays late, whatever the current cycle does
                        item.dispatchLateBefore() ? Boolean.FALSE : SlaStatus.met(item.dispatchDueAt(), item.dispatchedAt(), now)),
                WorkItemHistory.history(item, events));
    }
}
