package com.channelrouter.domain;

/** CLUE: a need with no product named yet; OPPORTUNITY: the customer named a product. */
public enum LeadStage { CLUE, OPPORTUNITY }
