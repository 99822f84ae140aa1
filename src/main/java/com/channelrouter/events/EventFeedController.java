package com.channelrouter.events;

import com.channelrouter.domain.Codes;
import com.channelrouter.domain.SourceChannel;
import com.channelrouter.security.ApiClient;
import com.channelrouter.security.Role;
import com.channelrouter.web.ForbiddenException;
import com.channelrouter.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;

/**
 * A channel system's feed: the events about its items after a cursor, oldest first. A consumer that was
 * down resumes from the last {@code seq} it handled and misses nothing. Channel keys read their own
 * channel's feed; dispatchers and admins may read any channel's with {@code channel=}.
 */
@RestController
@RequestMapping("/api/v1/events")
class EventFeedController {

    static final int MAX_LIMIT = 1_000;

    private final OutboxMapper outbox;
    private final JsonMapper json;

    EventFeedController(OutboxMapper outbox, JsonMapper json) {
        this.outbox = outbox;
        this.json = json;
    }

    /** One event as a channel system reads it. */
    record Event(long seq, String type, String workItemId, Instant at,
                 @Schema(description = "What happened, as the event's type has it") JsonNode data) {
    }

    /** A page of the feed; pass {@code next} as {@code after} to read on. */
    record Feed(String channel, List<Event> events, long next) {
    }

    @GetMapping
    Feed read(@Parameter(description = "The last seq handled; 0 for the start", schema = @Schema(type = "integer", format = "int64",
                      minimum = "0", defaultValue = "0"))
              @RequestParam(defaultValue = "0") long after,
              @Parameter(schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "" + MAX_LIMIT,
                      defaultValue = "100"))
              @RequestParam(defaultValue = "100") int limit,
              @Parameter(description = "Another channel's feed (DISPATCHER and ADMIN only)",
                      schema = @Schema(implementation = SourceChannel.class))
              @RequestParam(required = false) String channel, @AuthenticationPrincipal ApiClient caller) {
        if (after < 0) {
            throw InvalidRequestException.of("after", "must be 0 or a seq from an earlier page");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidRequestException.of("limit", "must be from 1 to " + MAX_LIMIT);
        }
        String feedChannel = feedChannel(channel, caller);
        List<Event> events = outbox.findFeed(feedChannel, after, limit).stream()
                .map(e -> new Event(e.seq(), e.eventType(), e.workItemId(), e.createdAt(), json.readTree(e.payloadJson())))
                .toList();
        if (events.isEmpty()) {
            refuseACursorBeyondTheEnd(after);
        }
        return new Feed(feedChannel, events, events.isEmpty() ? after : events.get(events.size() - 1).seq());
    }

    /**
     * A cursor no place has reached yet was not handed out by this feed (a typo, another installation's, or a
     * database restored from an older backup): taken as it is, the consumer would wait without a word and then
     * skip every event placed up to it. Checked only when the page is empty, the one case it could go unseen.
     */
    private void refuseACursorBeyondTheEnd(long after) {
        long lastGiven = outbox.nextFeedSeq() - 1;
        if (after > lastGiven) {
            throw InvalidRequestException.of("after", "must be at most " + lastGiven + ", the last seq given so far; "
                    + "a cursor beyond it would skip the events placed up to it");
        }
    }

    private static String feedChannel(String requested, ApiClient caller) {
        if (requested != null && Codes.parse(SourceChannel.class, requested).isEmpty()) {
            throw InvalidRequestException.of("channel", "must be one of " + String.join(", ", Codes.names(SourceChannel.class)));
        }
        boolean overseer = caller.has(Role.DISPATCHER) || caller.has(Role.ADMIN);
        boolean ownChannel = caller.channel() != null && (requested == null || requested.equals(caller.channel().name()));
        if (ownChannel && (caller.has(Role.CHANNEL) || overseer)) {
            return caller.channel().name(); // what its items' own reads need: a key that only routes reads no feed
        }
        if (overseer && requested != null) {
            return requested;
        }
        if (overseer && caller.channel() == null) { // may read any channel's feed, but did not say which
            throw InvalidRequestException.of("channel", "is required for a key that speaks for no channel: one of "
                    + String.join(", ", Codes.names(SourceChannel.class)));
        }
        throw new ForbiddenException(caller.channel() == null
                ? "Your API key speaks for no channel; name one with channel= (dispatchers and admins only)."
                : ownChannel ? "Your API key may route items but not read them: the feed needs the CHANNEL role."
                : "Your API key may read only the feed of " + caller.channel() + ".");
    }
}
