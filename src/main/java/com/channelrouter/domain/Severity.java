package com.channelrouter.domain;

/** How badly a fault hurts the customer. */
public enum Severity { CRITICAL, MAJOR, MINOR }
