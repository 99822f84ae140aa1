package com.channelrouter.domain;

/** A contact channel an item can arrive from: every owning channel plus the public hotline and the BI system. */
public enum SourceChannel {
    ACCOUNT_MANAGER,
    CORE_AGENT,
    PHONE_ACCOUNT_MANAGER,
    WEBSITE,
    SERVICE_HALL,
    GROUP_HOTLINE,
    EXPERIENCE_HALL,
    OPERATIONS_CENTER,
    NETWORK_MAINTENANCE,
    BILLING_SUPPORT,
    HOTLINE_10086,
    BI_SYSTEM;

    /** Whether this source is also the given owning channel (same code). */
    public boolean is(Channel channel) {
        return channel != null && name().equals(channel.name());
    }
}
