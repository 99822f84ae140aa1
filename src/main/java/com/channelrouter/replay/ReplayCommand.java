package com.channelrouter.replay;

import com.channelrouter.engine.RuleCompiler;
import com.channelrouter.routing.RoutingDecisions;
import com.channelrouter.tables.DecisionTableLoader;
import com.channelrouter.tables.DecisionTables;
import com.channelrouter.tables.LiveDecisionTables;
import com.channelrouter.tables.TableFiles;
import com.channelrouter.tables.TableLoadResult;
import com.channelrouter.tables.TableProblem;
import com.channelrouter.tables.TableSource;
import com.channelrouter.web.JsonConfiguration;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -jar channel-router.jar replay FILE… [--tables DIR] [--report-dir DIR]}: replays case files
 * against the shipped tables (or the workbooks in DIR) with no server and no database, prints every
 * failing case with each differing field, the rules no case reached, and "N passed, M failed"; exits 0
 * only when nothing failed (1 when something did, 2 on bad usage).
 */
public final class ReplayCommand {

    public static final String NAME = "replay";
    private static final String USAGE = "usage: java -jar channel-router.jar replay FILE... [--tables DIR] [--report-dir DIR]";

    private ReplayCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<Path> files = new ArrayList<>();
        Path tablesDir = null;
        Path reportDir = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--tables" -> tablesDir = i + 1 < args.length ? Path.of(args[++i]) : null;
                case "--report-dir" -> reportDir = i + 1 < args.length ? Path.of(args[++i]) : null;
                default -> files.add(Path.of(args[i]));
            }
        }
        if (files.isEmpty() || (args.length > 0 && args[args.length - 1].startsWith("--"))) {
            err.println(USAGE);
            return 2;
        }
        TableSource source;
        try {
            // like an upload: the workbooks in DIR take the place of the shipped ones of the same name
            source = TableFiles.shippedWith(tablesDir);
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException unreadable) {
            err.println(unreadable.getMessage());
            return 2; // bad usage, as print-drl says it: 1 is for cases that failed
        }
        DecisionTables tables = tables(source, tablesDir, err);
        if (tables == null) {
            return 1;
        }
        JsonMapper json = JsonConfiguration.mapper();
        ReplayReport report;
        try (ValidatorFactory validation = Validation.buildDefaultValidatorFactory()) {
            Validator validator = validation.getValidator();
            Clock clock = Clock.systemUTC();
            RoutingDecisions decisions = RoutingDecisions.withoutRegistry(new LiveDecisionTables(tables), clock);
            Replayer replayer = new Replayer(new CaseRunner(decisions, validator, json, clock), new CaseFiles(json), clock);
            List<InputStream> streams = new ArrayList<>();
            try {
                List<Replayer.Input> inputs = new ArrayList<>();
                for (Path file : files) {
                    InputStream in = Files.newInputStream(file);
                    streams.add(in);
                    inputs.add(new Replayer.Input(file.getFileName().toString(), in));
                }
                report = replayer.replay(inputs, tables);
            } catch (IOException e) {
                err.println("cannot read " + e.getMessage());
                return 2;
            } finally {
                streams.forEach(ReplayCommand::closeQuietly);
            }
        }
        print(report, out);
        if (reportDir != null) {
            ReportFiles.write(report, reportDir, json);
            out.println("Report: " + reportDir.resolve(ReportFiles.HTML) + ", " + reportDir.resolve(ReportFiles.JUNIT));
        }
        out.println(report.passed() + " passed, " + report.failed() + " failed");
        return report.failed() == 0 ? 0 : 1;
    }

    static void print(ReplayReport report, PrintStream out) {
        for (CaseFiles.Problem problem : report.problems()) {
            out.println((problem.blocking() ? "FAIL " : "WARNING ") + problem.where() + ": " + problem.message());
        }
        for (ReplayReport.CaseResult result : report.results()) {
            if (!result.passed()) {
                out.println("FAIL " + result.name() + " (" + result.where() + ")");
                result.differences().forEach(d -> out.println("    " + d.field() + ": expected " + d.expected() + ", actual " + d.actual()));
            }
        }
        List<String> unreached = report.unreached();
        out.println(unreached.isEmpty() ? "Every rule was reached by some case."
                : "Rules no case reached: " + String.join("; ", unreached));
    }

    private static DecisionTables tables(TableSource source, Path dir, PrintStream err) {
        TableLoadResult result = new DecisionTableLoader(new RuleCompiler()).load(source);
        if (!result.publishable()) {
            err.println("The decision tables" + (dir == null ? "" : " in " + dir) + " have problems:");
            result.problems().stream().map(TableProblem::describe).forEach(p -> err.println("  " + p));
            return null;
        }
        return result.tables();
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing to do: it was only read
        }
    }
}
