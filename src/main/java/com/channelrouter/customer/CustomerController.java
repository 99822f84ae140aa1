package com.channelrouter.customer;

import com.channelrouter.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.StringReader;
import java.time.Clock;
import java.util.List;

/** Admin access to the customer registry: look a customer up, load many at once (upsert). */
@RestController
@RequestMapping("/api/v1/customers")
class CustomerController {

    private final Customers customers;
    private final Clock clock;

    CustomerController(Customers customers, Clock clock) {
        this.customers = customers;
        this.clock = clock;
    }

    /** The result of a bulk load. */
    record LoadResult(int received, int upserted) {
    }

    @Operation(operationId = "getCustomer")
    @GetMapping("/{customerId}")
    Customer get(@PathVariable String customerId) {
        return customers.find(customerId).orElseThrow(() -> new NotFoundException("No customer " + customerId + " in the registry."));
    }

    @PostMapping(path = "/bulk", consumes = MediaType.APPLICATION_JSON_VALUE)
    LoadResult loadJson(@RequestBody List<CustomerImport.CustomerRow> rows) {
        List<Customer> accepted = CustomerImport.fromRows(rows, clock.instant());
        return new LoadResult(accepted.size(), customers.upsertAll(accepted));
    }

    @PostMapping(path = "/bulk", consumes = "text/csv")
    LoadResult loadCsv(@RequestBody String csv) {
        List<Customer> accepted = CustomerImport.fromCsv(new StringReader(csv), clock.instant());
        return new LoadResult(accepted.size(), customers.upsertAll(accepted));
    }
}
