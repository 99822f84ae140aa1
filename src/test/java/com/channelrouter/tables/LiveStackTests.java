package com.channelrouter.tables;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Rollback means "the version that was live before this one", however publishes and rollbacks interleave. */
class LiveStackTests {

    private final List<PublicationRow> history = new ArrayList<>();

    LiveStackTests then(String action, String version) {
        history.add(new PublicationRow(history.size() + 1, version, action, "someone", null, Instant.EPOCH));
        return this;
    }

    @Test
    void theFirstVersionHasNothingBeforeIt() {
        assertThat(DecisionTableVersions.liveStack(then("START", "v1").history)).containsExactly("v1");
    }

    @Test
    void aRollbackReturnsToThePreviousVersionAndASecondOneFurther() {
        then("START", "v1").then("PUBLISH", "v2").then("PUBLISH", "v3");
        assertThat(DecisionTableVersions.liveStack(history)).containsExactly("v1", "v2", "v3");

        then("ROLLBACK", "v2");
        assertThat(DecisionTableVersions.liveStack(history)).containsExactly("v1", "v2");

        then("ROLLBACK", "v1");
        assertThat(DecisionTableVersions.liveStack(history)).containsExactly("v1");
    }

    @Test
    void aPublishAfterARollbackStacksOnWhatIsLive() {
        then("START", "v1").then("PUBLISH", "v2").then("ROLLBACK", "v1").then("PUBLISH", "v3");
        assertThat(DecisionTableVersions.liveStack(history)).containsExactly("v1", "v3");
    }

    @Test
    void newFilesAtAStartStackLikeAPublish() {
        then("START", "v1").then("START", "v2");
        assertThat(DecisionTableVersions.liveStack(history)).containsExactly("v1", "v2");
    }
}
