package com.channelrouter.customer;

import com.channelrouter.domain.CustomerClass;

import java.time.Instant;

/** A registry entry: the customer's class and, when one is assigned, its account manager (the tag). */
public record Customer(String customerId, String customerName, CustomerClass customerClass, String accountManagerId,
                       Instant updatedAt) {

    public boolean accountManagerTagged() {
        return accountManagerId != null && !accountManagerId.isBlank();
    }
}
