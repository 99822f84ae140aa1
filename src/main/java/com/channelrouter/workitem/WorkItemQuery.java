package com.channelrouter.workitem;

import com.channelrouter.domain.Channel;
import com.channelrouter.domain.ItemType;
import com.channelrouter.domain.SourceChannel;

import java.time.Instant;
import java.util.List;

/**
 * A page of work items: the caller's filters, and the visibility branches whose union the caller may see
 * (items a channel owns, items it sourced, items a client routed; or everything). Each branch is read
 * newest first through its own index and the branches are merged, so a page costs about a page per
 * branch however many rows the table holds.
 */
record WorkItemQuery(List<Branch> branches, Channel ownerChannel, SourceChannel sourceChannel, WorkItemStatus status,
                     ItemType itemType, Boolean breached, Instant from, Instant to, Instant now, int offset, int limit) {

    /** Counts stop here: beyond it the total is reported as "at least". */
    static final int COUNT_CAP = 10_000;

    /** One way of being allowed to see an item; {@code column} is ALL, OWNER, SOURCE or CREATOR. */
    record Branch(String column, String value) {
        static final Branch ALL = new Branch("ALL", null);
    }

    /** How many rows each branch must deliver for the page to be right. */
    int window() {
        return offset + limit;
    }

    int countCap() {
        return COUNT_CAP + 1;
    }
}
