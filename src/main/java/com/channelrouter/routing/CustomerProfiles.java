package com.channelrouter.routing;

import com.channelrouter.customer.Customer;
import com.channelrouter.customer.Customers;
import com.channelrouter.domain.CustomerClass;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Completes the customer facts of an item: fields given in the request win, missing ones come from the
 * registry, and a customer nobody knows is a POTENTIAL one without a tag. The registry is asked only
 * when the request leaves something out.
 */
@Component
class CustomerProfiles {

    /**
     * How a decision uses the registry: it must (storing), it tries (what-if), or it does not ask at all
     * (tests inside workbooks and replays, which must not depend on whatever the registry says today).
     */
    enum RegistryUse { REQUIRED, BEST_EFFORT, NONE }

    private final Customers customers;

    CustomerProfiles(Customers customers) {
        this.customers = customers;
    }

    CustomerProfile resolve(RoutingItem item, RegistryUse use) {
        Optional<Customer> registered = Optional.empty();
        boolean unavailable = false;
        if (use != RegistryUse.NONE && (item.customerClass() == null || item.accountManagerId() == null)) {
            try {
                registered = customers.find(item.customerId());
            } catch (DataAccessException e) {
                if (use == RegistryUse.REQUIRED) {
                    throw e;
                }
                unavailable = true;
            }
        }
        CustomerClass customerClass;
        CustomerProfile.Origin classOrigin;
        if (item.customerClass() != null) {
            customerClass = item.customerClass();
            classOrigin = CustomerProfile.Origin.REQUEST;
        } else if (registered.isPresent()) {
            customerClass = registered.get().customerClass();
            classOrigin = CustomerProfile.Origin.REGISTRY;
        } else {
            customerClass = CustomerClass.POTENTIAL;
            classOrigin = unavailable ? CustomerProfile.Origin.UNKNOWN : CustomerProfile.Origin.DEFAULT;
        }
        String accountManager;
        CustomerProfile.Origin tagOrigin;
        if (item.accountManagerId() != null) {
            accountManager = item.accountManagerId().isBlank() ? null : item.accountManagerId().strip();
            tagOrigin = CustomerProfile.Origin.REQUEST;
        } else if (registered.isPresent()) {
            accountManager = registered.get().accountManagerTagged() ? registered.get().accountManagerId() : null;
            tagOrigin = CustomerProfile.Origin.REGISTRY;
        } else {
            accountManager = null;
            tagOrigin = unavailable ? CustomerProfile.Origin.UNKNOWN : CustomerProfile.Origin.DEFAULT;
        }
        return new CustomerProfile(item.customerId(), customerClass, classOrigin, accountManager, tagOrigin, unavailable);
    }
}
