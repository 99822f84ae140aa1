package com.channelrouter.customer;

import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSessionFactory;
import org.mybatis.spring.SqlSessionTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The customer registry: class and account-manager tag of the operator's group customers. */
@Service
public class Customers {

    static final int IDS_PER_QUERY = 500;

    private final CustomerMapper mapper;
    private final SqlSessionTemplate batch;

    Customers(CustomerMapper mapper, SqlSessionFactory sessions) {
        this.mapper = mapper;
        this.batch = new SqlSessionTemplate(sessions, ExecutorType.BATCH);
    }

    public Optional<Customer> find(String customerId) {
        return mapper.findById(customerId);
    }

    /**
     * The registered customers among these ids, by id, with one query for every {@value #IDS_PER_QUERY}
     * ids: a batch asks once per chunk instead of once per line.
     */
    public Map<String, Customer> findAll(Collection<String> customerIds) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(customerIds));
        Map<String, Customer> found = new HashMap<>();
        for (int from = 0; from < distinct.size(); from += IDS_PER_QUERY) {
            mapper.findByIds(distinct.subList(from, Math.min(distinct.size(), from + IDS_PER_QUERY)))
                    .forEach(customer -> found.put(customer.customerId(), customer));
        }
        return found;
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
