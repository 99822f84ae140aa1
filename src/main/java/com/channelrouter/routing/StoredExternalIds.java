package com.channelrouter.routing;

import com.channelrouter.domain.SourceChannel;
import com.channelrouter.workitem.PriorExternalId;
import com.channelrouter.workitem.WorkItems;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The items already stored under some sourceChannel and externalId pairs, with their stored decisions:
 * read with one query per source channel and one for the decisions, whether for a batch chunk or a
 * group of single requests.
 */
final class StoredExternalIds {

    /** None found: for a group that did not look up. */
    static final StoredExternalIds NONE = new StoredExternalIds(Map.of(), Map.of());

    private final Map<String, PriorExternalId> byKey;
    private final Map<String, String> decisionJsons;

    private StoredExternalIds(Map<String, PriorExternalId> byKey, Map<String, String> decisionJsons) {
        this.byKey = byKey;
        this.decisionJsons = decisionJsons;
    }

    /** The items stored under the sourceChannel and externalId of each of {@code items}, which all have an externalId. */
    static StoredExternalIds find(WorkItems workItems, List<RoutingItem> items) {
        Map<SourceChannel, List<String>> bySource = new LinkedHashMap<>();
        items.forEach(item -> bySource.computeIfAbsent(item.sourceChannel(), s -> new ArrayList<>()).add(item.externalId()));
        Map<String, PriorExternalId> stored = new HashMap<>();
        bySource.forEach((source, ids) -> workItems.findByExternalIds(source, ids)
                .forEach(prior -> stored.put(key(source, prior.externalId()), prior)));
        return new StoredExternalIds(stored, workItems.decisionJsons(stored.values().stream().map(PriorExternalId::workItemId).toList()));
    }

    /** The item stored under this pair, or null (also when there is no externalId). */
    PriorExternalId get(SourceChannel source, String externalId) {
        return externalId == null ? null : byKey.get(key(source, externalId));
    }

    boolean isEmpty() {
        return byKey.isEmpty();
    }

    /** The stored decision of an item found here, as JSON. */
    String decisionJson(PriorExternalId prior) {
        return decisionJsons.get(prior.workItemId());
    }

    /** One string per pair, for maps keyed by it. */
    static String key(SourceChannel source, String externalId) {
        return source.name() + '\u0000' + externalId;
    }
}
