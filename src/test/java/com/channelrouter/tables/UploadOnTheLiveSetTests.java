package com.channelrouter.tables;

import com.channelrouter.engine.RuleCompiler;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An instance serves a version published on another one a second or so later. An upload in between builds on
 * what the database says is live, not on what this instance still serves: otherwise its candidate would carry
 * the workbooks from before that publish.
 */
class UploadOnTheLiveSetTests {

    @Test
    void anUploadBuildsOnTheVersionLiveInTheDatabaseNotOnTheOneThisInstanceStillServes() {
        Workbooks shipped = Workbooks.shipped();
        TableSource publishedElsewhere = shipped.setText(Workbooks.ROUTING, Workbooks.LEAD_SHEET, "I9", "SERVICE_HALL").source();
        Map<String, byte[]> stored = new HashMap<>();
        List<UploadRow> uploads = new ArrayList<>();
        TableVersionMapper mapper = (TableVersionMapper) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{TableVersionMapper.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "findLive" -> Optional.of(publishedElsewhere.version());
                    case "findWorkbooks" -> args[0].equals(publishedElsewhere.version()) ? publishedElsewhere.workbooks() : List.of();
                    case "findVersion" -> Optional.empty();
                    case "insertVersion" -> null;
                    case "insertWorkbook" -> stored.put((String) args[1], (byte[]) args[2]);
                    case "insertUpload" -> uploads.add((UploadRow) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        DecisionTableVersions versions = new DecisionTableVersions(mapper, new DecisionTableLoader(new RuleCompiler()), List.of(),
                new LiveDecisionTables(new DecisionTables(shipped.source().version(), shipped.source(), null, null, null, null)),
                NoTransactions.template(), JsonMapper.builder().build(), Clock.systemUTC());
        try {
            byte[] sla = shipped.setText(Workbooks.SLA, Workbooks.SLA_SHEET, "J4", "a note").bytes(Workbooks.SLA);

            DecisionTableVersions.Upload upload = versions.upload(new WorkbookFile(Workbooks.SLA, sla), "owner", null);

            assertThat(upload.basedOn()).isEqualTo(publishedElsewhere.version());
            assertThat(uploads).singleElement().satisfies(kept -> {
                assertThat(kept.basedOn()).isEqualTo(publishedElsewhere.version());
                assertThat(kept.uploadedFile()).isEqualTo(Workbooks.SLA);
            });
            assertThat(stored.get(Workbooks.ROUTING)).isEqualTo(publishedElsewhere.workbooks().stream()
                    .filter(w -> w.name().equals(Workbooks.ROUTING)).findFirst().orElseThrow().content());
            assertThat(stored.get(Workbooks.SLA)).isEqualTo(sla);
        } finally {
            versions.stop();
        }
    }
}
