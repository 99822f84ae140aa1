package com.channelrouter.customer;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;

/** The customer registry: class and account-manager tag of the operator's group customers. */
@Service
public class Customers {

    private final CustomerMapper mapper;

    Customers(CustomerMapper mapper) {
        this.mapper = mapper;
    }

    public Optional<Customer> find(String customerId) {
        return mapper.findById(customerId);
    }

    /** Inserts new customers and replaces known ones, all or nothing. */
    @Transactional
    public int upsertAll(List<Customer> customers) {
        customers.forEach(mapper::upsert);
        return customers.size();
    }

    long count() {
        return mapper.count();
    }
}
