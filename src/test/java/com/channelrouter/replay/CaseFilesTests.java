package com.channelrouter.replay;

import com.channelrouter.web.JsonConfiguration;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** What QA sees of a case file before anything is decided: the cases read, and each problem with where it is. */
class CaseFilesTests {

    static final String REQUEST = "itemType,sourceChannel,customer.id,customer.customerClass,productCode";
    static final String LEAD = "LEAD,WEBSITE,C-1,C,VPMN";

    static CaseFiles.Collected read(String fileName, String content) {
        return read(fileName, content.getBytes(StandardCharsets.UTF_8));
    }

    static CaseFiles.Collected read(String fileName, byte[] content) {
        CaseFiles.Collected collected = new CaseFiles.Collected();
        new CaseFiles(JsonConfiguration.mapper()).read(fileName, new ByteArrayInputStream(content), collected);
        return collected;
    }

    static String described(CaseFiles.Collected collected) {
        return collected.problems.stream().map(p -> (p.blocking() ? "FAIL " : "WARNING ") + p.where() + ": " + p.message())
                .reduce("", (a, b) -> a + b + "\n");
    }

    @Test
    void csvRowThatChecksNothingFails() {
        CaseFiles.Collected collected = read("c.csv", "name," + REQUEST + ",expect.ownerChannel,expectStatus\n"
                + "checked," + LEAD + ",WEBSITE,\n"
                + "unchecked," + LEAD + ",,\n");

        assertThat(collected.cases).extracting(ReplayCase::name).containsExactly("checked");
        assertThat(collected.problems).singleElement().satisfies(problem -> {
            assertThat(problem.blocking()).isTrue();
            assertThat(problem.where()).isEqualTo("c.csv:3");
            assertThat(problem.message()).isEqualTo("\"unchecked\" checks nothing: fill at least one expect. cell or expectStatus");
        });
    }

    @Test
    void jsonLineWithAnEmptyExpectFails() {
        CaseFiles.Collected collected = read("c.jsonl", "{\"name\":\"empty\",\"request\":{\"itemType\":\"LEAD\"},\"expect\":{}}\n");

        assertThat(collected.cases).isEmpty();
        assertThat(described(collected)).isEqualTo(
                "FAIL c.jsonl:1: \"empty\" checks nothing: fill at least one expect. cell or expectStatus\n");
    }

    @Test
    void aStatusNoReplayGivesIsAProblemNamingTheAllowedOnes() {
        CaseFiles.Collected csv = read("c.csv", "name," + REQUEST + ",expectStatus\nodd," + LEAD + ",999\nfine," + LEAD + ",200\n");
        CaseFiles.Collected jsonl = read("c.jsonl", "{\"request\":{\"itemType\":\"LEAD\"},\"expectStatus\":409}\n");

        assertThat(csv.cases).extracting(ReplayCase::name).containsExactly("fine");
        assertThat(described(csv)).isEqualTo("FAIL c.csv:2: expectStatus 999 is not a status a replay gives: "
                + "write 200 (a decision), 400 (the request is invalid) or 422 (the tables refuse it)\n");
        assertThat(described(jsonl)).contains("FAIL c.jsonl:1: expectStatus 409 is not a status a replay gives");
    }
}
