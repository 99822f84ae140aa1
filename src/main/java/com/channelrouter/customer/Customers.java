package com.channelrouter.customer;

import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSessionFactory;
import org.mybatis.spring.SqlSessionTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;

/** The customer registry: class and account-manager tag of the operator's group customers. */
@Service
public class Customers {

    private final CustomerMapper mapper;
    private final SqlSessionTemplate batch;

    Customers(CustomerMapper mapper, SqlSessionFactory sessions) {
        this.mapper = mapper;
        this.batch = new SqlSessionTemplate(sessions, ExecutorType.BATCH);
    }

    public Optional<Customer> find(String customerId) {
        return mapper.findById(customerId);
    }

    /** Inserts new customers and replaces known ones, all or nothing, as JDBC batches. */
    @Transactional
    public int upsertAll(List<Customer> customers) {
        CustomerMapper batched = batch.getMapper(CustomerMapper.class);
        customers.forEach(batched::upsert);
        batch.flushStatements();
        return customers.size();
    }

    long count() {
        return mapper.count();
    }
}
