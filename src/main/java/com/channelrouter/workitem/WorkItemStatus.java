package com.channelrouter.workitem;

/** Where a work item is in its life. */
enum WorkItemStatus { ROUTED, AWAITING_DISPATCH, CLAIMED, CLOSED }
