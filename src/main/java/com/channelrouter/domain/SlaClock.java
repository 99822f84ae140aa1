package com.channelrouter.domain;

/** How SLA minutes are counted: every minute, or only minutes inside business hours. */
public enum SlaClock { BUSINESS_HOURS, ROUND_THE_CLOCK }
