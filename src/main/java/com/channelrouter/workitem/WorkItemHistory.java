package com.channelrouter.workitem;

import com.channelrouter.domain.Channel;
import com.channelrouter.domain.EscalationLevel;
import com.channelrouter.events.ChannelEvents;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Appends to a work item's history and, in the same transaction, tells the channels concerned through
 * the outbox: the owner (its assignments and reminders), the source channel (so it can answer the
 * customer at any time) and the operations centre (returns, dispatches, escalations beyond the owner).
 */
@Component
class WorkItemHistory {

    private final JdbcTemplate jdbc;
    private final ChannelEvents events;

    WorkItemHistory(JdbcTemplate jdbc, ChannelEvents events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Records what happened to an item whose owner and status are now {@code after}. */
    void record(ItemIdentity item, ItemState after, WorkItemEvent entry) {
        WorkItemRows.EVENTS.insert(jdbc, List.of(new ItemEventRow(item.workItemId(), entry)));
        events.appendAll(List.of(announcement(item, after, entry)));
    }

    /**
     * Announces new items, in the caller's transaction. Their ROUTED entries are not written as history rows: the
     * item's own row holds them ({@code routed_to}, {@code created_by}, {@code created_at}; see {@link #routedEntry}).
     */
    void recordRouted(List<NewWorkItem> items) {
        List<ChannelEvents.Announcement> announcements = new ArrayList<>(items.size());
        for (NewWorkItem item : items) {
            WorkItemEvent entry = new WorkItemEvent(EventType.ROUTED, item.ownerChannel(), item.createdBy(), item.createdAt(), null);
            announcements.add(announcement(item.identity(), item.initialState(), entry));
        }
        events.appendAll(announcements);
    }

    /**
     * The item's whole history: its ROUTED entry, read from its row, before the entries stored since. An item
     * stored before V13 has no {@code routed_to}; its ROUTED entry is the first of the stored ones.
     */
    static List<WorkItemEvent> history(WorkItemRecord item, List<WorkItemEvent> stored) {
        if (item.routedTo() == null) {
            return stored;
        }
        List<WorkItemEvent> whole = new ArrayList<>(stored.size() + 1);
        whole.add(routedEntry(item));
        whole.addAll(stored);
        return whole;
    }

    /** As {@link #recordRouted} announced it: to the channel first routed to, by the client that sent it, when stored. */
    private static WorkItemEvent routedEntry(WorkItemRecord item) {
        return new WorkItemEvent(EventType.ROUTED, item.routedTo(), item.createdBy(), item.createdAt(), null);
    }

    /**
     * Who hears of it: the owner (its assignments and reminders), the source channel (so it can answer the
     * customer at any time), the acting channel, and the operations centre for returns, dispatches and
     * escalations beyond the owner.
     */
    private static ChannelEvents.Announcement announcement(ItemIdentity item, ItemState after, WorkItemEvent entry) {
        Set<String> recipients = new LinkedHashSet<>();
        recipients.add(after.ownerChannel().name());
        recipients.add(item.sourceChannel().name());
        if (entry.channel() != null) {
            recipients.add(entry.channel().name());
        }
        EventType type = entry.type();
        boolean operationsCentreConcerned = type == EventType.RETURNED || type == EventType.DISPATCHED
                || (type == EventType.ESCALATED && entry.level() != EscalationLevel.OWNER);
        if (operationsCentreConcerned) {
            recipients.add(Channel.OPERATIONS_CENTER.name());
        }
        return new ChannelEvents.Announcement(item.workItemId(), type.name(), recipients,
                new ItemEventMessage(item.workItemId(), item.itemType(), type, after.status(), after.ownerChannel(),
                        item.sourceChannel(), entry.channel(), entry.actor(), entry.at(), entry.reason(), entry.deadline(),
                        entry.level()), entry.at());
    }
}
