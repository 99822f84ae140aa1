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
 * Publishing a candidate first reads what is live, to see whether other workbooks were published after its
 * upload, and then compiles it (seconds for a big table) before it locks the live pointer. If another version
 * went live in between, what was read no longer holds: publishing now could undo that version.
 */
class PublishRaceTests {

    @Test
    void aCandidatePublishedWhileAnotherVersionWentLiveIsAConflictAndChangesNothing() {
        List<String> published = new ArrayList<>();
        TableVersionMapper mapper = (TableVersionMapper) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{TableVersionMapper.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "findVersion" -> Optional.of(new TableVersionRow("C", "h", "UPLOAD", "owner", Instant.EPOCH, null, true,
                            "B", "sla.xlsx", null));
                    case "findPublications" -> List.of(); // a candidate, never live
                    case "findLastUpload" -> Optional.of(new UploadRow("C", "B", "sla.xlsx", "owner", Instant.EPOCH, null));
                    case "findLive" -> Optional.of("B"); // what the candidate was uploaded on: nothing to rebuild
                    case "lockLive" -> Optional.of("D"); // another owner's version, published while C was compiled
                    case "insertPublication", "updateLive" -> {
                        published.add((String) args[0]);
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        // C is already compiled here (built when it was uploaded), so publishing goes straight to the lock
        assertPublishingCIsAConflict(mapper, "C", published);
    }

    /**
     * The candidate's workbook on the live set can be a set stored before, even one loaded from files at a start
     * (which records no base): the decision still rested on the live version read first.
     */
    @Test
    void aRebuiltCandidateEqualToAStoredStartVersionIsAConflictToo() {
        WorkbookFile routingBefore = new WorkbookFile("routing.xlsx", new byte[]{1});
        WorkbookFile routingAfter = new WorkbookFile("routing.xlsx", new byte[]{2});
        WorkbookFile slaBefore = new WorkbookFile("sla.xlsx", new byte[]{3});
        WorkbookFile slaAfter = new WorkbookFile("sla.xlsx", new byte[]{4});
        // uploaded on {routing 2, sla 3} with routing 1; live since: {routing 2, sla 4}; rebuilt: {routing 1, sla 4}, stored at a start
        String rebuilt = new TableSource(List.of(routingBefore, slaAfter)).version();
        List<String> published = new ArrayList<>();
        TableVersionMapper mapper = (TableVersionMapper) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{TableVersionMapper.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "findVersion" -> Optional.of(args[0].equals("C")
                            ? new TableVersionRow("C", "h", "UPLOAD", "owner", Instant.EPOCH, null, true, "B", "routing.xlsx", null)
                            : new TableVersionRow((String) args[0], "h", "START", "system", Instant.EPOCH, null, true, null, null, null));
                    case "findPublications" -> List.of();
                    case "findLastUpload" -> Optional.of(new UploadRow("C", "B", "routing.xlsx", "owner", Instant.EPOCH, null));
                    case "findLive" -> Optional.of("L");
                    case "findWorkbooks" -> args[0].equals("B") ? List.of(routingAfter, slaBefore) : List.of(routingAfter, slaAfter);
                    case "findWorkbook" -> Optional.of(routingBefore);
                    case "lockLive" -> Optional.of("D");
                    case "insertPublication", "updateLive" -> {
                        published.add((String) args[0]);
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        assertPublishingCIsAConflict(mapper, rebuilt, published);
    }

    /** Publishing C over the mapper, with {@code compiled} served (so already compiled): a 409, and nothing published. */
    private static void assertPublishingCIsAConflict(TableVersionMapper mapper, String compiled, List<String> published) {
        DecisionTableVersions versions = new DecisionTableVersions(mapper, new DecisionTableLoader(new RuleCompiler()), List.of(),
                new LiveDecisionTables(new DecisionTables(compiled, null, null, null, null, null)), NoTransactions.template(),
                JsonMapper.builder().build(), Clock.systemUTC());
        try {
            assertThatThrownBy(() -> versions.publish("C", "owner", null)).isInstanceOf(ConflictException.class)
                    .hasMessageContaining("publish it again");

            assertThat(published).isEmpty();
        } finally {
            versions.stop();
        }
    }
}
