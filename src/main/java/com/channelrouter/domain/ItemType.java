package com.channelrouter.domain;

/** The three kinds of incoming item: a business lead, a churn alert, a customer fault. */
public enum ItemType { LEAD, ALERT, FAULT }
