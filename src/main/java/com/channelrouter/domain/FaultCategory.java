package com.channelrouter.domain;

/** Where a fault lies: service/config, network, equipment, billing, or not yet known. */
public enum FaultCategory { BUSINESS, NETWORK, EQUIPMENT, BILLING, UNKNOWN }
