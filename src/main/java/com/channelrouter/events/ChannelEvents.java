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

/**
 * The outbox: what channel systems must hear about (assignments, returns, dispatches, escalations…) is
 * written in the same transaction as the change itself, one row per recipient channel, so nothing is
 * announced that did not happen and nothing that happened goes unannounced.
 */
@Service
public class ChannelEvents {

    private static final MultiRowInsert<OutboxRow> OUTBOX = MultiRowInsert.<OutboxRow>into("outbox")
            .column("recipient_channel", OutboxRow::recipientChannel)
            .column("work_item_id", OutboxRow::workItemId)
            .column("event_type", OutboxRow::eventType)
            .column("payload_json", OutboxRow::payloadJson)
            .column("created_at", OutboxRow::createdAt)
            .build();

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

    private record OutboxRow(String recipientChannel, String workItemId, String eventType, String payloadJson,
                             Instant createdAt) {
    }

    /**
     * Appends the events, one outbox row per recipient channel, in the caller's transaction (it must be the
     * transaction that makes the change; this refuses to run outside one).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void appendAll(List<Announcement> announcements) {
        List<OutboxRow> rows = new ArrayList<>(announcements.size() * 2);
        for (Announcement a : announcements) {
            String body = json.writeValueAsString(a.payload());
            for (String channel : new LinkedHashSet<>(a.recipientChannels())) {
                rows.add(new OutboxRow(channel, a.workItemId(), a.eventType(), body, a.at()));
            }
        }
        OUTBOX.insert(jdbc, rows);
    }
}
