package com.channelrouter.routing;

import com.channelrouter.customer.Customer;
import com.channelrouter.customer.Customers;
import com.channelrouter.domain.CustomerClass;
import com.channelrouter.support.DatabaseFailures;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

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

    /**
     * After the registry could not be reached, how long a what-if does not ask it again: each attempt waits for
     * the connection's timeout (2 s in the mysql profile), and /evaluate is meant to go on answering from memory.
     */
    static final Duration ASSUMED_UNREACHABLE_FOR = Duration.ofSeconds(5);

    private final Customers customers;
    /** System.nanoTime() until which the registry is taken as unreachable for what-ifs. */
    private final AtomicLong unreachableUntil = new AtomicLong(System.nanoTime());

    CustomerProfiles(Customers customers) {
        this.customers = customers;
    }

    CustomerProfile resolve(RoutingItem item, RegistryUse use) {
        if (use == RegistryUse.NONE || !leavesOutRegistryFacts(item)) {
            return profile(item, Optional.empty(), CustomerProfile.Origin.NOT_ASKED);
        }
        if (use == RegistryUse.BEST_EFFORT && System.nanoTime() - unreachableUntil.get() < 0) {
            return profile(item, Optional.empty(), CustomerProfile.Origin.UNKNOWN);
        }
        try {
            return profile(item, customers.find(item.customerId()), CustomerProfile.Origin.DEFAULT);
        } catch (DataAccessException e) {
            if (DatabaseFailures.unavailable(e)) {
                unreachableUntil.set(System.nanoTime() + ASSUMED_UNREACHABLE_FOR.toNanos());
            }
            if (use == RegistryUse.REQUIRED) {
                throw e;
            }
            return profile(item, Optional.empty(), CustomerProfile.Origin.UNKNOWN);
        }
    }

    /**
     * The registry entries these items need, read with one query per few hundred customers rather than one
     * per item: a batch looks its chunk up at once. The registry is required: failing to read it fails.
     */
    Map<String, Customer> registeredFor(Collection<RoutingItem> items) {
        return customers.findAll(items.stream().filter(CustomerProfiles::leavesOutRegistryFacts).map(RoutingItem::customerId).toList());
    }

    /** Like {@link #resolve} with the registry required, reading entries fetched by {@link #registeredFor}. */
    CustomerProfile resolve(RoutingItem item, Map<String, Customer> registered) {
        return profile(item, leavesOutRegistryFacts(item) ? Optional.ofNullable(registered.get(item.customerId())) : Optional.empty(),
                CustomerProfile.Origin.DEFAULT);
    }

    private static boolean leavesOutRegistryFacts(RoutingItem item) {
        return item.customerClass() == null || item.accountManagerId() == null;
    }

    /** {@code absent}: where a fact neither the request nor the registry gave comes from (DEFAULT, UNKNOWN or NOT_ASKED). */
    private static CustomerProfile profile(RoutingItem item, Optional<Customer> registered, CustomerProfile.Origin absent) {
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
            classOrigin = absent;
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
            tagOrigin = absent;
        }
        return new CustomerProfile(item.customerId(), customerClass, classOrigin, accountManager, tagOrigin,
                absent == CustomerProfile.Origin.UNKNOWN);
    }
}
