package com.channelrouter.engine;

import com.channelrouter.domain.Channel;
import com.channelrouter.domain.ItemType;

import java.util.List;

/**
 * One row of a routing table: when every condition holds (and no earlier row of the same item type
 * matched), the item goes to {@code ownerChannel}. Assist channels join only when the assist conditions
 * hold as well.
 */
public record RoutingRow(String ruleId, ItemType itemType, RowLocation location, List<Condition> conditions,
                         Channel ownerChannel, boolean secondTransfer, Channel targetChannel,
                         List<Channel> assistChannels, List<Condition> assistConditions) {

    public RoutingRow {
        conditions = List.copyOf(conditions);
        assistChannels = List.copyOf(assistChannels);
        assistConditions = List.copyOf(assistConditions);
    }
}
