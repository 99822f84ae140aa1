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
    void record(ItemIdentity item, ItemState after, HistoryEntry entry) {
        WorkItemRows.EVENTS.insert(jdbc, List.of(new ItemEventRow(item.workItemId(), entry.event())));
        events.appendAll(List.of(announcement(item, after, entry)));
    }

    /** The ROUTED entries of many new items, in the caller's transaction. */
    void recordRouted(List<NewWorkItem> items) {
        List<ItemEventRow> rows = new ArrayList<>(items.size());
        List<ChannelEvents.Announcement> announcements = new ArrayList<>(items.size());
        for (NewWorkItem item : items) {
            HistoryEntry entry = routed(item);
            rows.add(new ItemEventRow(item.workItemId(), entry.event()));
            announcements.add(announcement(item.identity(), item.initialState(), entry));
        }
        WorkItemRows.EVENTS.insert(jdbc, rows);
        events.appendAll(announcements);
    }

    static HistoryEntry routed(NewWorkItem item) {
        return HistoryEntry.of(EventType.ROUTED, item.ownerChannel(), item.createdBy(), item.createdAt(), null);
    }

    /**
     * Who hears of it: the owner (its assignments and reminders), the source channel (so it can answer the
     * customer at any time), the acting channel, and the operations centre for returns, dispatches and
     * escalations beyond the owner.
     */
    private static ChannelEvents.Announcement announcement(ItemIdentity item, ItemState after, HistoryEntry entry) {
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
