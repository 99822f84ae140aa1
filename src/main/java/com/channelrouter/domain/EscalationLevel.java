package com.channelrouter.domain;

/** Who is told when a deadline is near or missed: the owning channel, its supervisor, or leadership. */
public enum EscalationLevel { OWNER, CHANNEL_SUPERVISOR, LEADERSHIP }
