package com.channelrouter.tables;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** print-drl shows the rules a set of workbooks makes, or the problems that stop them. */
class PrintDrlCommandTests {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        return PrintDrlCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void printsTheRulesOfTheShippedTables() {
        assertThat(run()).isZero();
        String drl = out.toString(StandardCharsets.UTF_8);
        assertThat(drl).contains("rule \"L1 (Routing LEAD row 4)\"").contains("rule \"S7 (SLA row 10)\"")
                .contains("activation-group \"routing\"");
    }

    @Test
    void printsTheProblemsOfBrokenTables(@TempDir Path folder) throws IOException {
        try (var files = Files.list(Path.of("decision-tables"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".xlsx")).toList()) {
                if (!file.getFileName().toString().equals("sla.xlsx")) {
                    Files.copy(file, folder.resolve(file.getFileName()));
                }
            }
        }

        assertThat(run("--tables", folder.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("SLA").contains("missing");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void badUsageIsExplained() {
        assertThat(run("--folder")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage");
    }
}
