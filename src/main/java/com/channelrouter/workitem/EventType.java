package com.channelrouter.workitem;

/** What happened to a work item, as its history records it. */
public enum EventType { ROUTED, CLAIMED, RETURNED, DISPATCHED, CLOSED, ESCALATED }
