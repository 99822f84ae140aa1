package com.channelrouter.sla;

import com.channelrouter.domain.SlaClock;

/** What an SLA row promises: minutes to respond, resolve and (for a second transfer) dispatch, on a clock. */
public record SlaTerms(SlaClock clock, int responseMinutes, int resolveMinutes, int dispatchMinutes) {
}
