package com.channelrouter.routing;

import com.channelrouter.domain.CustomerClass;

/**
 * The customer as the rules see it, with where each fact came from, so the explanation can say why an
 * item went where it went.
 */
record CustomerProfile(String customerId, CustomerClass customerClass, Origin classOrigin, String accountManagerId,
                       Origin tagOrigin, boolean registryUnavailable) {

    /**
     * Where a customer fact came from: DEFAULT when the registry does not know the customer, UNKNOWN when it was
     * needed but could not be reached, NOT_ASKED where it is never read (replays, a version's tests, what-ifs of a
     * stored version), so that the answer depends on the request alone.
     */
    enum Origin { REQUEST, REGISTRY, DEFAULT, UNKNOWN, NOT_ASKED }

    boolean accountManagerTagged() {
        return accountManagerId != null && !accountManagerId.isBlank();
    }
}
