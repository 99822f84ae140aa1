package com.channelrouter.domain;

/** A channel that can own an item. */
public enum Channel {
    ACCOUNT_MANAGER,
    CORE_AGENT,
    PHONE_ACCOUNT_MANAGER,
    WEBSITE,
    SERVICE_HALL,
    GROUP_HOTLINE,
    EXPERIENCE_HALL,
    OPERATIONS_CENTER,
    NETWORK_MAINTENANCE,
    BILLING_SUPPORT
}
