package com.channelrouter.tables;

import com.channelrouter.engine.RuleCompiler;
import com.channelrouter.web.ConflictException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A rollback reads the history, compiles the version before the live one (seconds for a big table), then
 * locks the live pointer. Here another instance publishes D and then C again in between: the live version is
 * C again, but the version before it is now D, not B. The rollback must not go to B.
 */
class RollbackRaceTests {

    private final List<PublicationRow> history = new ArrayList<>();
    private String live;
    private boolean publishedMeanwhile;

    private void record(String action, String version) {
        history.add(new PublicationRow(history.size() + 1, version, action, "owner", null, Instant.EPOCH));
        live = version;
    }

    @Test
    void aRollbackAfterPublishesMeanwhileThatEndOnTheSameVersionIsAConflictAndChangesNothing() {
        record(PublicationRow.START, "S");
        record(PublicationRow.PUBLISH, "B");
        record(PublicationRow.PUBLISH, "C");
        DecisionTableVersions versions = new DecisionTableVersions(mapperPublishingMeanwhile(), new DecisionTableLoader(new RuleCompiler()),
                List.of(), new LiveDecisionTables(new DecisionTables("B", null, null, null, null, null)), NoTransactions.template(),
                JsonMapper.builder().build(), Clock.systemUTC());

        assertThatThrownBy(() -> versions.rollback("owner", null)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("changed while rolling back");

        assertThat(live).isEqualTo("C");
        assertThat(DecisionTableVersions.liveStack(history)).containsExactly("S", "B", "C", "D", "C");
    }

    /** The history and the live pointer in memory; another instance publishes D then C when the pointer is first locked. */
    private TableVersionMapper mapperPublishingMeanwhile() {
        return (TableVersionMapper) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{TableVersionMapper.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "findPublications" -> new ArrayList<>(history);
                    case "lockLive" -> {
                        if (!publishedMeanwhile) {
                            publishedMeanwhile = true;
                            record(PublicationRow.PUBLISH, "D");
                            record(PublicationRow.PUBLISH, "C");
                        }
                        yield Optional.of(live);
                    }
                    case "findLive" -> Optional.of(live);
                    case "insertPublication" -> {
                        record((String) args[1], (String) args[0]);
                        yield null;
                    }
                    case "lastPublicationId" -> (long) history.size();
                    case "updateLive" -> {
                        live = (String) args[0];
                        yield null;
                    }
                    case "findVersion" -> Optional.of(new TableVersionRow((String) args[0], "h", "UPLOAD", "owner", Instant.EPOCH, null,
                            true, null, null, null));
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
