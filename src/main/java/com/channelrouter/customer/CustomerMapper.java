package com.channelrouter.customer;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

@Mapper
interface CustomerMapper {

    Optional<Customer> findById(String customerId);

    List<Customer> findByIds(@Param("customerIds") Collection<String> customerIds);

    void upsert(Customer customer);

    long count();
}
