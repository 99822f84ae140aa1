package com.channelrouter.events;

import java.util.List;

/** An event in the outbox: committed, not yet placed in its recipients' feeds. */
record WaitingEvent(long eventId, String recipientChannels) {

    static final String SEPARATOR = ",";

    List<String> recipients() {
        return List.of(recipientChannels.split(SEPARATOR));
    }
}
