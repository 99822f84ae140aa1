package com.channelrouter.events;

import org.mybatis.spring.SqlSessionTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
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

    private final OutboxMapper outbox;
    private final JsonMapper json;

    ChannelEvents(OutboxMapper outbox, JsonMapper json) {
        this.outbox = outbox;
        this.json = json;
    }

    /** An event for the channels concerned, to append with others in one statement. */
    public record Announcement(String workItemId, String eventType, Collection<String> recipientChannels, Object payload,
                               Instant at) {
    }

    /**
     * As {@link #append}, for many events at once, on the caller's batching session (its transaction's
     * statements go to the database as JDBC batches, rewritten into multi-row INSERTs by the driver).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void appendAll(List<Announcement> announcements, SqlSessionTemplate batch) {
        OutboxMapper batched = batch.getMapper(OutboxMapper.class);
        for (Announcement a : announcements) {
            String body = json.writeValueAsString(a.payload());
            for (String channel : new LinkedHashSet<>(a.recipientChannels())) {
                batched.insert(channel, a.workItemId(), a.eventType(), body, a.at());
            }
        }
    }

    /** Must run inside the transaction that makes the change; refuses to run outside one. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(Announcement announcement) {
        Collection<String> channels = new LinkedHashSet<>(announcement.recipientChannels());
        if (!channels.isEmpty()) {
            outbox.insertForChannels(channels, announcement.workItemId(), announcement.eventType(),
                    json.writeValueAsString(announcement.payload()), announcement.at());
        }
    }
}
