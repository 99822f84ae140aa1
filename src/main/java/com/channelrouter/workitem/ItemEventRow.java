package com.channelrouter.workitem;

/** A history entry with the id of the item it belongs to. */
record ItemEventRow(String workItemId, WorkItemEvent event) {
}
