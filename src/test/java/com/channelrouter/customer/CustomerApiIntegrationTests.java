package com.channelrouter.customer;

import com.channelrouter.support.IntegrationTest;
import com.channelrouter.support.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Bulk loading and reading the customer registry over real HTTP. */
@IntegrationTest
class CustomerApiIntegrationTests {

    private static final String BULK = "/api/v1/customers/bulk";
    private static final Map<String, String> CSV = Map.of("Content-Type", "text/csv");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    TestHttp http;

    @BeforeEach
    void connect() {
        http = new TestHttp(port);
    }

    long customers() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM customer", Long.class);
    }

    @Test
    void jsonLoadInsertsAndUpdates() {
        http.post(BULK, "dev-admin", List.of(Map.of("id", "J-1", "customerClass", "C")));

        TestHttp.Response response = http.post(BULK, "dev-admin", List.of(
                Map.of("id", "J-1", "name", "深圳示例", "customerClass", "A", "accountManagerId", "AM-3"),
                Map.of("id", "J-2", "customerClass", "D")));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().get("upserted").asInt()).isEqualTo(2);
        JsonNode customer = http.get("/api/v1/customers/J-1", "dev-admin").body();
        assertThat(customer.get("customerClass").asString()).isEqualTo("A");
        assertThat(customer.get("accountManagerId").asString()).isEqualTo("AM-3");
        assertThat(customer.get("customerName").asString()).isEqualTo("深圳示例");
    }

    @Test
    void csvLoadWorksWithAHeaderRow() {
        String csv = "id,name,customerClass,accountManagerId\nC-1,\"Foshan, Ceramics\",B,AM-4\nC-2,,POTENTIAL,\n";

        TestHttp.Response response = http.post(BULK, "dev-admin", csv, CSV);

        assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
        assertThat(response.body().get("upserted").asInt()).isEqualTo(2);
        assertThat(http.get("/api/v1/customers/C-1", "dev-admin").body().get("customerName").asString()).isEqualTo("Foshan, Ceramics");
        assertThat(http.get("/api/v1/customers/C-2", "dev-admin").body().get("accountManagerId").isNull()).isTrue();
    }

    @Test
    void oneBadRowRefusesTheWholeLoadAndNamesIt() {
        long before = customers();
        String csv = "id,customerClass\nOK-1,A\nBAD-1,E\n,C\n";

        TestHttp.Response response = http.post(BULK, "dev-admin", csv, CSV);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.raw().body()).contains("line 3: customerClass").contains("line 4: id");
        assertThat(customers()).isEqualTo(before);
    }

    @Test
    void excelsCsvWithAByteOrderMarkLoads() {
        TestHttp.Response response = http.post(BULK, "dev-admin", "\uFEFFid,customerClass\nBOM-1,C\n", CSV);

        assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
        assertThat(http.get("/api/v1/customers/BOM-1", "dev-admin").status()).isEqualTo(200);
    }

    @Test
    void brokenCsvIsABadRequestNotAFailure() {
        TestHttp.Response response = http.post(BULK, "dev-admin", "id,customerClass\n\"Q-1,A\n", CSV);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().get("errors").get(0).get("message").asString())
                .isEqualTo("is not valid CSV at line 2: a quoted cell that starts in this record is never closed (a \" is missing): "
                        + "the rest of the file was not read");
        assertThat(response.raw().body()).doesNotContain("Exception", "org.apache");
    }

    /** An empty CSV load is a missing body, not malformed JSON. */
    @Test
    void anEmptyCsvLoadIsAMissingBody() {
        TestHttp.Response response = http.post(BULK, "dev-admin", "", CSV);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().get("title").asString()).isEqualTo("Invalid request");
        assertThat(response.body().get("detail").asString()).isEqualTo("The request body is missing.");
        assertThat(response.body().get("errors").get(0).get("field").asString()).isEqualTo("body");
    }

    @Test
    void aCustomerNamedTwiceInOneLoadIsRefused() {
        long before = customers();
        TestHttp.Response response = http.post(BULK, "dev-admin", "id,customerClass\nTWICE-1,A\nTWICE-1,B\n", CSV);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.raw().body()).contains("repeats customer TWICE-1");
        assertThat(response.body().get("errors").get(0).get("field").asString()).as("named as CSV's other problems are")
                .isEqualTo("line 3: id");
        assertThat(response.body().get("errors").get(0).get("message").asString()).contains("first at line 2: id");
        assertThat(customers()).isEqualTo(before);
    }

    @Test
    void unknownCsvColumnIsRefused() {
        TestHttp.Response response = http.post(BULK, "dev-admin", "id,customerClass,grade\nX,A,1\n", CSV);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.raw().body()).contains("grade");
    }

    @Test
    void jsonErrorsNameTheIndex() {
        TestHttp.Response response = http.post(BULK, "dev-admin", List.of(Map.of("id", "Y"), Map.of("customerClass", "A")));

        assertThat(response.status()).isEqualTo(400);
        List<String> fields = response.body().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
        assertThat(fields).containsExactlyInAnyOrder("[0].customerClass", "[1].id");
    }

    /** Rows that would clear columns they lack, drop cells unseen, or let one column of two win, are refused. */
    @Test
    void rowsOfTheWrongShapeAndARepeatedColumnAreRefusedAndChangeNothing() {
        long before = customers();

        TestHttp.Response shortRow = http.post(BULK, "dev-admin", "id,name,customerClass,accountManagerId\nR-1,Keep,A\n", CSV);
        TestHttp.Response extraCells = http.post(BULK, "dev-admin", "id,customerClass\nX-1,A,EXTRA\n", CSV);
        TestHttp.Response repeatedColumn = http.post(BULK, "dev-admin", "id,customerClass,customerClass\nDH-1,A,D\n", CSV);

        assertThat(shortRow.status()).isEqualTo(400);
        assertThat(shortRow.body().get("errors").get(0).get("field").asString()).isEqualTo("line 2");
        assertThat(shortRow.body().get("errors").get(0).get("message").asString()).contains("3 cells but the header names 4");
        assertThat(extraCells.status()).isEqualTo(400);
        assertThat(repeatedColumn.status()).isEqualTo(400);
        assertThat(repeatedColumn.raw().body()).contains("customerClass");
        assertThat(customers()).isEqualTo(before);
    }

    @Test
    void aMisspeltJsonFieldIsNamedNotDropped() {
        long before = customers();

        TestHttp.Response response = http.post(BULK, "dev-admin", List.of(Map.of("id", "R-1", "customerClass", "A", "accountManager", "AM-1")));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().get("errors").get(0).get("field").asString()).isEqualTo("[0].accountManager");
        assertThat(response.body().get("errors").get(0).get("message").asString()).contains("not a customer field");
        assertThat(customers()).isEqualTo(before);
    }

    @Test
    void onlyAdminsManageTheRegistry() {
        assertThat(http.post(BULK, "dev-group-hotline", List.of(Map.of("id", "Z", "customerClass", "A"))).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/customers/Z", "dev-qa").status()).isEqualTo(403);
        assertThat(http.get("/api/v1/customers/NOBODY", "dev-admin").status()).isEqualTo(404);
    }

    @Test
    void embeddedDefaultSeedsDemoCustomers() {
        JsonNode demo = http.get("/api/v1/customers/DEMO-A-TAGGED", "dev-admin").body();
        assertThat(demo.get("customerClass").asString()).isEqualTo("A");
        assertThat(demo.get("accountManagerId").asString()).isEqualTo("AM-17");
    }
}
