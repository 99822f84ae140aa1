package com.channelrouter.routing;

import com.channelrouter.domain.CustomerClass;

/**
 * The customer as the rules see it, with where each fact came from, so the explanation can say why an
 * item went where it went.
 */
record CustomerProfile(String customerId, CustomerClass customerClass, Origin classOrigin, String accountManagerId,
                       Origin tagOrigin, boolean registryUnavailable) {

    /** Where a customer fact came from; UNKNOWN when the registry was needed but could not be reached. */
    enum Origin { REQUEST, REGISTRY, DEFAULT, UNKNOWN }

    boolean accountManagerTagged() {
        return accountManagerId != null && !accountManagerId.isBlank();
    }
}
