package com.channelrouter.domain;

/** What a churn alert warns about. */
public enum AlertKind { CHURN_RISK, COMPETITOR_POACHING, CONTRACT_EXPIRY }
