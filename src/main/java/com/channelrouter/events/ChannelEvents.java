package com.channelrouter.events;

import com.channelrouter.support.MultiRowInsert;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The outbox: what channel systems must hear about (assignments, returns, dispatches, escalations…) is
 * written in the same transaction as the change itself, so nothing is announced that did not happen and
 * nothing that happened goes unannounced. The relay then places each event in its recipients' feeds.
 */
@Service
public class ChannelEvents {

    private static final MultiRowInsert<EventRow> EVENTS = MultiRowInsert.<EventRow>into("channel_event")
            .column("work_item_id", EventRow::workItemId)
            .column("event_type", EventRow::eventType)
            .column("payload_json", EventRow::payloadJson)
            .column("created_at", EventRow::createdAt)
            .build();
    private static final MultiRowInsert<WaitingEvent> OUTBOX = MultiRowInsert.<WaitingEvent>into("outbox")
            .column("event_id", WaitingEvent::eventId)
            .column("recipient_channels", WaitingEvent::recipientChannels)
            .build();
    private static final int MAX_RECIPIENT_CHANNELS_LENGTH = 1_000;

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    ChannelEvents(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** An event for the channels concerned. */
    public record Announcement(String workItemId, String eventType, Collection<String> recipientChannels, Object payload,
                               Instant at) {
    }

    private record EventRow(String workItemId, String eventType, String payloadJson, Instant createdAt) {
    }

    /**
     * Appends the events in the caller's transaction (it must be the transaction that makes the change; this
     * refuses to run outside one): each event's body once, and its place in the outbox with who hears of it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void appendAll(List<Announcement> announcements) {
        List<EventRow> bodies = new ArrayList<>(announcements.size());
        for (Announcement a : announcements) {
            bodies.add(new EventRow(a.workItemId(), a.eventType(), json.writeValueAsString(a.payload()), a.at()));
        }
        List<Long> eventIds = EVENTS.insertReturningKeys(jdbc, bodies, "event_id");
        List<WaitingEvent> waiting = new ArrayList<>(announcements.size());
        for (int i = 0; i < announcements.size(); i++) {
            waiting.add(new WaitingEvent(eventIds.get(i), recipientChannels(announcements.get(i))));
        }
        OUTBOX.insert(jdbc, waiting);
    }

    private static String recipientChannels(Announcement announcement) {
        Set<String> channels = new LinkedHashSet<>(announcement.recipientChannels());
        if (channels.isEmpty() || channels.stream().anyMatch(c -> c.isEmpty() || c.contains(WaitingEvent.SEPARATOR))) {
            throw new IllegalArgumentException("recipient channels must be channel codes: " + channels);
        }
        String joined = String.join(WaitingEvent.SEPARATOR, channels);
        if (joined.length() > MAX_RECIPIENT_CHANNELS_LENGTH) {
            throw new IllegalArgumentException("too many recipient channels for one event: " + channels.size());
        }
        return joined;
    }
}
