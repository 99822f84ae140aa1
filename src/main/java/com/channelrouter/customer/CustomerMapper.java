package com.channelrouter.customer;

import org.apache.ibatis.annotations.Mapper;

import java.util.Optional;

@Mapper
interface CustomerMapper {

    Optional<Customer> findById(String customerId);

    void upsert(Customer customer);

    long count();
}
