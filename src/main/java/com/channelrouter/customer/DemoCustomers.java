package com.channelrouter.customer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

/**
 * Seeds an empty registry with a few demo customers, in the embedded default only, through the same
 * import path an admin uses; a registry that already has customers is left alone.
 */
@Component
@ConditionalOnProperty(name = "channel-router.demo-data", havingValue = "true")
class DemoCustomers implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCustomers.class);
    static final String RESOURCE = "demo/customers.csv";

    private final Customers customers;
    private final Clock clock;

    DemoCustomers(Customers customers, Clock clock) {
        this.customers = customers;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (customers.count() > 0) {
            return;
        }
        try (Reader csv = new InputStreamReader(new ClassPathResource(RESOURCE).getInputStream(), StandardCharsets.UTF_8)) {
            List<Customer> demo = CustomerImport.fromCsv(csv, clock.instant());
            customers.upsertAll(demo);
            log.info("Seeded the customer registry with {} demo customers", demo.size());
        }
    }
}
