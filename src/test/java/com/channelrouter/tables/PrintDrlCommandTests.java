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
    void aFolderWithTheEditedWorkbookAloneIsPrintedOnTheShippedOnesAndEachRuleSaysWhatItsRowDecides(@TempDir Path folder)
            throws IOException {
        Files.write(folder.resolve(Workbooks.ROUTING), Workbooks.shipped().setText(Workbooks.ROUTING, Workbooks.LEAD_SHEET, "I9",
                "SERVICE_HALL").bytes(Workbooks.ROUTING));

        assertThat(run("--tables", folder.toString())).as(err.toString(StandardCharsets.UTF_8)).isZero();

        // an owner changed, the conditions not: the diff of two prints shows it in the comment
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("// Routing LEAD row 9 then owner SERVICE_HALL, assist PHONE_ACCOUNT_MANAGER\n")
                .contains("// SLA row 4 then respond in 60 min, resolve in 120 min, dispatch in 60 min, ROUND_THE_CLOCK\n");
    }

    @Test
    void printsTheProblemsOfBrokenTables(@TempDir Path folder) throws IOException {
        Files.write(folder.resolve(Workbooks.ROUTING), Workbooks.shipped().setText(Workbooks.ROUTING, Workbooks.LEAD_SHEET, "I9",
                "ACOUNT_MANAGER").bytes(Workbooks.ROUTING));

        assertThat(run("--tables", folder.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Routing LEAD!I9").contains("ACOUNT_MANAGER");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aFolderThatIsNotThereIsSaidSo() {
        assertThat(run("--tables", "no/such/folder")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("There is no folder no/such/folder.\n");
    }

    @Test
    void badUsageIsExplained() {
        assertThat(run("--folder")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage");
    }
}
