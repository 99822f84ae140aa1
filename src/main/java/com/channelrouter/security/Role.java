package com.channelrouter.security;

/** What a client may do; see the contract's roles. */
public enum Role { ROUTER, CHANNEL, DISPATCHER, TABLE_OWNER, QA, ADMIN }
