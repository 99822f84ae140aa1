package com.channelrouter.workitem;

/** What happened to a work item, as its history records it. */
enum EventType { ROUTED, CLAIMED, RETURNED, DISPATCHED, CLOSED, ESCALATED }
