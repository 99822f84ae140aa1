package com.channelrouter.replay;

import com.channelrouter.engine.RuleCompiler;
import com.channelrouter.routing.RoutingDecisions;
import com.channelrouter.tables.CandidateCheck;
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
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * {@code java -jar channel-router.jar replay FILE… [--tables DIR] [--report-dir DIR]}: replays case files (a
 * folder stands for the case files in it) against the shipped tables (or the workbooks in DIR), running their own
 * Tests sheets as an upload would, with no server and no database; prints every failing case with each differing
 * field, the rules no case reached, and "N passed, M failed"; exits 0 only when nothing failed (1 when something did, a file or the tables could not
 * be read included; 2 on bad usage: no file, an unknown option).
 */
public final class ReplayCommand {

    public static final String NAME = "replay";
    private static final String USAGE = "usage: java -jar channel-router.jar replay FILE|FOLDER... [--tables DIR] [--report-dir DIR]";

    private ReplayCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<Path> files = new ArrayList<>();
        Path tablesDir = null;
        Path reportDir = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--tables") || arg.equals("--report-dir")) {
                if (i + 1 == args.length || args[i + 1].startsWith("--")) {
                    return badUsage(arg + " needs a folder after it", err);
                }
                Path value = Path.of(args[++i]);
                if (arg.equals("--tables")) {
                    tablesDir = value;
                } else {
                    reportDir = value;
                }
            } else if (arg.startsWith("--")) {
                return badUsage("unknown option " + arg + "; the options are --tables DIR and --report-dir DIR", err);
            } else {
                files.add(Path.of(arg));
            }
        }
        if (files.isEmpty()) {
            return badUsage("no case file given", err);
        }
        DecisionTables tables = tables(tablesDir, out);
        if (tables == null) {
            out.println("No case was replayed.");
            out.println("0 passed, 1 failed");
            return 1;
        }
        JsonMapper json = JsonConfiguration.mapper();
        ReplayReport report = replay(files, tables, json);
        print(report, out);
        if (reportDir != null) {
            ReportFiles.write(report, reportDir, json);
            out.println("Report: " + reportDir.resolve(ReportFiles.HTML) + ", " + reportDir.resolve(ReportFiles.JUNIT));
        }
        out.println(report.passed() + " passed, " + report.failed() + " failed");
        return report.failed() == 0 ? 0 : 1;
    }

    /**
     * The report with the tables' own Tests sheets in it, run as an upload runs them (a check before uploading must
     * not be greener than the upload): each of their problems a failing problem, first, in the printed lines and in
     * the report files alike; their passing tests counted with the cases.
     */
    private static ReplayReport withWorkbookTests(ReplayReport report, CandidateCheck.Result workbookTests) {
        List<CaseFiles.Problem> problems = new ArrayList<>();
        workbookTests.problems().forEach(p -> problems.add(new CaseFiles.Problem(p.place(), p.message(), true)));
        problems.addAll(report.problems());
        int passed = ((WorkbookTestsCheck.Summary) workbookTests.summary()).passed();
        return new ReplayReport(report.tableVersion(), report.ranAt(), report.millis(), report.passed() + passed,
                report.failed() + workbookTests.problems().size(), report.results(), problems, report.coverage());
    }

    /** Exit 2 is for a command that cannot mean anything; a file or a folder that cannot be read is a failure (1). */
    private static int badUsage(String what, PrintStream err) {
        err.println(what);
        err.println(USAGE);
        return 2;
    }

    private static ReplayReport replay(List<Path> files, DecisionTables tables, JsonMapper json) {
        try (ValidatorFactory validation = Validation.buildDefaultValidatorFactory()) {
            Validator validator = validation.getValidator();
            Clock clock = Clock.systemUTC();
            RoutingDecisions decisions = RoutingDecisions.withoutRegistry(new LiveDecisionTables(tables), clock);
            CaseRunner runner = new CaseRunner(decisions, validator, json, clock);
            CandidateCheck.Result workbookTests = new WorkbookTestsCheck(runner, json).check(tables);
            Replayer replayer = new Replayer(runner, new CaseFiles(json), clock);
            List<Replayer.Input> inputs = new ArrayList<>();
            try {
                for (Path file : files) {
                    if (Files.isDirectory(file)) {
                        inputs.addAll(openFolder(file));
                    } else {
                        inputs.add(open(file));
                    }
                }
                return withWorkbookTests(replayer.replay(inputs, tables), workbookTests);
            } finally {
                inputs.stream().map(Replayer.Input::content).filter(Objects::nonNull).forEach(ReplayCommand::closeQuietly);
            }
        }
    }

    /**
     * The case files directly in a folder, by name, as QA keeps a suite (qa/cases); other files (a README, Excel's
     * ~$ lock file of an open workbook) are passed over. A folder with none is a failure, as a missing file is.
     */
    private static List<Replayer.Input> openFolder(Path folder) {
        List<Path> caseFiles;
        try (Stream<Path> listed = Files.list(folder)) {
            caseFiles = listed.filter(ReplayCommand::isCaseFile).sorted().toList();
        } catch (AccessDeniedException denied) {
            return List.of(Replayer.Input.unreadable(folder.toString(), "permission denied"));
        } catch (IOException unlisted) {
            return List.of(Replayer.Input.unreadable(folder.toString(), unlisted.getMessage()));
        }
        if (caseFiles.isEmpty()) {
            return List.of(Replayer.Input.unreadable(folder.toString(), "holds no case files (.jsonl, .csv or .xlsx)"));
        }
        return caseFiles.stream().map(ReplayCommand::open).toList();
    }

    private static boolean isCaseFile(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(path) && !name.startsWith("~$") && !name.startsWith(".") && CaseFiles.isCaseFileName(name);
    }

    /** The file to replay, or why it cannot be, said the same way whatever the reason (the others are still replayed). */
    private static Replayer.Input open(Path file) {
        String reason;
        if (!Files.exists(file)) {
            reason = "no such file";
        } else {
            try {
                return new Replayer.Input(file.getFileName().toString(), Files.newInputStream(file));
            } catch (AccessDeniedException e) {
                reason = "permission denied";
            } catch (IOException e) {
                reason = e.getMessage();
            }
        }
        return Replayer.Input.unreadable(file.toString(), reason);
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

    /** The tables to replay against, or null after saying why they cannot be used. */
    private static DecisionTables tables(Path dir, PrintStream out) {
        TableSource source;
        try {
            // like an upload: the workbooks in DIR take the place of the shipped ones of the same name
            source = TableFiles.shippedWith(dir);
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException unreadable) {
            out.println("FAIL --tables " + dir + ": " + unreadable.getMessage());
            return null;
        }
        TableLoadResult result = new DecisionTableLoader(new RuleCompiler()).load(source);
        if (!result.publishable()) {
            out.println("FAIL The decision tables" + (dir == null ? "" : " in " + dir) + " have problems:");
            result.problems().stream().map(TableProblem::describe).forEach(p -> out.println("  " + p));
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
