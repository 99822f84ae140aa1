package com.channelrouter.tables;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LiveSetChangesTests {

    private static WorkbookFile file(String name, String content) {
        return new WorkbookFile(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private final List<WorkbookFile> basedOn = List.of(file("routing.xlsx", "r1"), file("sla.xlsx", "s1"));

    @Test
    void nothingPublishedSinceTheUploadIsNoChange() {
        LiveSetChanges changes = LiveSetChanges.between(basedOn, List.of(file("sla.xlsx", "s1"), file("routing.xlsx", "r1")),
                file("sla.xlsx", "s2"));

        assertThat(changes.none()).isTrue();
        assertThat(changes.uploadedFileChanged()).isFalse();
    }

    @Test
    void anotherWorkbookPublishedOrAddedSinceIsAChangeButNotToTheUploadedOne() {
        LiveSetChanges changes = LiveSetChanges.between(basedOn,
                List.of(file("routing.xlsx", "r2"), file("sla.xlsx", "s1"), file("holidays.xlsx", "h1")), file("sla.xlsx", "s2"));

        assertThat(changes.changedSince()).containsExactly("holidays.xlsx", "routing.xlsx");
        assertThat(changes.uploadedFileChanged()).isFalse();
    }

    @Test
    void theUploadedWorkbookReplacedSinceByAnotherIsAChangeToIt() {
        LiveSetChanges changes = LiveSetChanges.between(basedOn, List.of(file("routing.xlsx", "r1"), file("SLA.xlsx", "s3")),
                file("sla.xlsx", "s2"));

        assertThat(changes.changedSince()).containsExactly("SLA.xlsx");
        assertThat(changes.uploadedFileChanged()).as("names compare without case, as uploads replace them").isTrue();
    }

    @Test
    void theUploadedWorkbookPublishedSinceAsItIsIsNotSomeoneElsesChange() {
        LiveSetChanges changes = LiveSetChanges.between(basedOn, List.of(file("routing.xlsx", "r2"), file("sla.xlsx", "s2")),
                file("sla.xlsx", "s2"));

        assertThat(changes.changedSince()).containsExactly("routing.xlsx", "sla.xlsx");
        assertThat(changes.uploadedFileChanged()).isFalse();
    }
}
