package com.channelrouter.customer;

import com.channelrouter.domain.CustomerClass;
import com.channelrouter.support.MapperTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The registry SQL on H2 in MySQL mode; {@link CustomerMapperOnMariaDbTests} runs the same on MariaDB. */
@MapperTest
class CustomerMapperTests {

    @Autowired
    CustomerMapper mapper;

    @Test
    void upsertInsertsThenReplaces() {
        long before = mapper.count();
        mapper.upsert(new Customer("T-1", "深圳示例有限公司", CustomerClass.B, "AM-1", Instant.parse("2026-11-20T01:00:00Z")));
        mapper.upsert(new Customer("T-1", "Renamed", CustomerClass.A, null, Instant.parse("2026-11-21T01:00:00Z")));

        Customer found = mapper.findById("T-1").orElseThrow();

        assertThat(mapper.count()).isEqualTo(before + 1);
        assertThat(found.customerName()).isEqualTo("Renamed");
        assertThat(found.customerClass()).isEqualTo(CustomerClass.A);
        assertThat(found.accountManagerId()).isNull();
        assertThat(found.accountManagerTagged()).isFalse();
        assertThat(found.updatedAt()).isEqualTo(Instant.parse("2026-11-21T01:00:00Z"));
    }

    @Test
    void chineseNamesSurvive() {
        mapper.upsert(new Customer("T-2", "广州港口物流", CustomerClass.C, "AM-9", Instant.parse("2026-11-20T01:00:00Z")));
        assertThat(mapper.findById("T-2").orElseThrow().customerName()).isEqualTo("广州港口物流");
    }

    @Test
    void unknownCustomerIsEmpty() {
        assertThat(mapper.findById("NOBODY")).isEmpty();
    }

    @Test
    void idsThatDifferInCaseOrAccentAreDifferentCustomers() {
        mapper.upsert(new Customer("CAFÉ-1", null, CustomerClass.A, null, Instant.parse("2026-11-20T01:00:00Z")));
        mapper.upsert(new Customer("CAFE-1", null, CustomerClass.B, null, Instant.parse("2026-11-20T01:00:00Z")));
        mapper.upsert(new Customer("cafe-1", null, CustomerClass.C, null, Instant.parse("2026-11-20T01:00:00Z")));

        assertThat(mapper.findById("CAFÉ-1").orElseThrow().customerClass()).isEqualTo(CustomerClass.A);
        assertThat(mapper.findById("CAFE-1").orElseThrow().customerClass()).isEqualTo(CustomerClass.B);
        assertThat(mapper.findById("cafe-1").orElseThrow().customerClass()).isEqualTo(CustomerClass.C);
    }

    @Test
    void findByIdsReturnsTheRegisteredOnesOnly() {
        mapper.upsert(new Customer("T-3", null, CustomerClass.A, "AM-3", Instant.parse("2026-11-20T01:00:00Z")));
        mapper.upsert(new Customer("T-4", null, CustomerClass.D, null, Instant.parse("2026-11-20T01:00:00Z")));

        assertThat(mapper.findByIds(List.of("T-3", "NOBODY", "T-4")))
                .extracting(Customer::customerId, Customer::customerClass)
                .containsExactlyInAnyOrder(tuple("T-3", CustomerClass.A), tuple("T-4", CustomerClass.D));
    }
}
