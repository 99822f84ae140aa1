package com.channelrouter.domain;

/** The three SLA deadlines of an item: claimed (response), closed (resolve), re-dispatched (dispatch). */
public enum DeadlineKind { RESPONSE, RESOLVE, DISPATCH }
