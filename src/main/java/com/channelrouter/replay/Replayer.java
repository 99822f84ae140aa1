package com.channelrouter.replay;

import com.channelrouter.engine.EscalationRow;
import com.channelrouter.engine.RoutingRow;
import com.channelrouter.engine.SlaRow;
import com.channelrouter.tables.DecisionTables;
import tools.jackson.databind.JsonNode;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Replays case files against one table version, in-process and streaming: each case is read, decided
 * and compared as it comes, so a hundred thousand cases need no more than their results in memory.
 */
public final class Replayer {

    /**
     * Cases and problems one request over HTTP may hold: their results stay in memory for the report, on an
     * instance that also routes (300,000 one-line cases, a 600 KB upload, held a gigabyte). The command line,
     * a JVM of its own, has no such limit.
     */
    static final int MAX_CASES_PER_REQUEST = 20_000;
    static final int MAX_PROBLEMS = 500;

    private final CaseRunner runner;
    private final CaseFiles files;
    private final Clock clock;
    private final int maxCases;
    private final Registry registry;

    /**
     * Which of these customer ids a service's registry holds (null: none to ask, as on the command line). Replays
     * never read the registry (a case gives the same answer on the command line, in the build and on any
     * service); this only tells QA when a case leans on it.
     */
    interface Registry {
        Set<String> holding(Collection<String> customerIds);
    }

    /** For the command line: every case is replayed, and there is no registry to speak of. */
    public Replayer(CaseRunner runner, CaseFiles files, Clock clock) {
        this(runner, files, clock, Integer.MAX_VALUE, null);
    }

    Replayer(CaseRunner runner, CaseFiles files, Clock clock, int maxCases, Registry registry) {
        this.runner = runner;
        this.files = files;
        this.clock = clock;
        this.maxCases = maxCases;
        this.registry = registry;
    }

    /** A case file to replay: its name (which says its format) and its content, or why it cannot be read. */
    public record Input(String fileName, InputStream content, String unreadable) {

        public Input(String fileName, InputStream content) {
            this(fileName, content, null);
        }

        /** A file that could not be opened ("no such file"): a failure of the replay, which goes on with the others. */
        public static Input unreadable(String fileName, String reason) {
            return new Input(fileName, null, reason);
        }
    }

    public ReplayReport replay(List<Input> inputs, DecisionTables tables) {
        Instant started = clock.instant();
        long start = System.nanoTime();
        Coverage coverage = new Coverage(tables);
        List<ReplayReport.CaseResult> results = new ArrayList<>();
        List<CaseFiles.Problem> problems = new ArrayList<>();
        int[] counts = new int[2];
        // cases read and blocking problems met so far, to tell a file that holds no cases
        int[] read = new int[2];
        int[] notReplayed = {0};
        Map<String, List<ReplayCase>> withoutClass = new LinkedHashMap<>();
        CaseFiles.Sink sink = new CaseFiles.Sink() {
            @Override
            public void accept(ReplayCase replayCase) {
                read[0]++;
                if (results.size() >= maxCases) {
                    if (notReplayed[0]++ == 0) {
                        problem(new CaseFiles.Problem(replayCase.where(), "more than " + maxCases + " cases in one request: this "
                                + "case and the ones after it were not replayed. Send them in another request, or replay from the "
                                + "command line.", true));
                    }
                    return;
                }
                String customerId = registry == null ? null : customerWithoutClass(replayCase);
                if (customerId != null) {
                    withoutClass.computeIfAbsent(customerId, id -> new ArrayList<>()).add(replayCase);
                }
                CaseRunner.Outcome outcome = runner.run(replayCase, tables);
                coverage.count(outcome.decision());
                counts[outcome.passed() ? 0 : 1]++;
                results.add(new ReplayReport.CaseResult(replayCase.name(), replayCase.where(), outcome.passed(), outcome.status(),
                        replayCase.expectStatus(), outcome.routingRule(), outcome.slaRule(), outcome.refusal(), outcome.differences()));
            }

            @Override
            public void problem(CaseFiles.Problem problem) {
                if (problems.size() < MAX_PROBLEMS) {
                    problems.add(problem);
                } else if (problems.size() == MAX_PROBLEMS) {
                    problems.add(new CaseFiles.Problem(problem.where(), "more problems than the " + MAX_PROBLEMS
                            + " listed; fix these and replay again to see the rest", true));
                }
                if (problem.blocking()) {
                    counts[1]++;
                    read[1]++;
                }
            }
        };
        // an Excel date in a case workbook is the calendar's local time, as in a decision-table workbook's Tests sheet
        ZoneId localTime = tables.calendar() == null ? ZoneOffset.UTC : tables.calendar().zone();
        for (Input input : inputs) {
            if (input.unreadable() != null) {
                sink.problem(new CaseFiles.Problem(input.fileName(), "cannot be read: " + input.unreadable(), true));
                continue;
            }
            int[] before = read.clone();
            files.read(input.fileName(), input.content(), localTime, sink);
            if (Arrays.equals(before, read)) {
                // an empty file (or a header alone) would otherwise make a run green
                sink.problem(new CaseFiles.Problem(input.fileName(), "holds no cases", true));
            }
        }
        warnAboutRegistered(withoutClass, sink);
        return new ReplayReport(tables.version(), started, (System.nanoTime() - start) / 1_000_000, counts[0], counts[1], results,
                problems, coverage.tables());
    }

    private static String customerWithoutClass(ReplayCase replayCase) {
        JsonNode customer = replayCase.request().get("customer");
        if (customer == null || !customer.isObject() || customer.hasNonNull("customerClass")) {
            return null;
        }
        JsonNode id = customer.get("id");
        return id != null && id.isString() && !id.asString().isBlank() ? id.asString() : null;
    }

    /**
     * A case that gives no customerClass for a customer this service knows was most likely written expecting the
     * registry's class, which a replay does not read: it is said, case by case, as a warning.
     */
    private void warnAboutRegistered(Map<String, List<ReplayCase>> withoutClass, CaseFiles.Sink sink) {
        if (withoutClass.isEmpty()) {
            return;
        }
        Set<String> registered;
        try {
            registered = registry.holding(withoutClass.keySet());
        } catch (RuntimeException unreachable) {
            return; // only a hint: a replay does not need the registry, so it does not fail for want of it
        }
        withoutClass.forEach((id, cases) -> {
            if (registered.contains(id)) {
                cases.forEach(c -> sink.problem(new CaseFiles.Problem(c.where(), "case \"" + c.name() + "\": customer " + id
                        + " is in this service's registry, but replays do not read it: give customer.customerClass and "
                        + "customer.accountManagerId in the case", false)));
            }
        });
    }

    /** Counts the rows that decided, per sheet, in the order of the tables. */
    private static final class Coverage {
        private final Map<String, Map<String, Integer>> bySheet = new LinkedHashMap<>();
        private final Map<String, String> tableOfSheet = new LinkedHashMap<>();
        private final Map<String, String> sheetOfRule = new LinkedHashMap<>();

        Coverage(DecisionTables tables) {
            for (RoutingRow row : tables.rules().routingRows()) {
                register("routing", row.location().sheet(), row.ruleId());
            }
            for (SlaRow row : tables.rules().slaRows()) {
                register("sla", row.location().sheet(), row.ruleId());
            }
            for (EscalationRow row : tables.rules().escalationRows()) {
                register("escalation", row.location().sheet(), row.ruleId());
            }
        }

        private void register(String table, String sheet, String rule) {
            bySheet.computeIfAbsent(sheet, s -> new LinkedHashMap<>()).put(rule, 0);
            tableOfSheet.put(sheet, table);
            sheetOfRule.put(table + "|" + rule, sheet);
        }

        void count(JsonNode decision) {
            if (decision == null) {
                return;
            }
            hit("routing", decision.get("routingRule").asString());
            JsonNode sla = decision.get("sla");
            hit("sla", sla.get("rule").asString());
            JsonNode escalations = sla.get("escalations");
            if (escalations != null) {
                escalations.forEach(e -> hit("escalation", e.get("rule").asString()));
            }
        }

        private void hit(String table, String rule) {
            String sheet = sheetOfRule.get(table + "|" + rule);
            if (sheet != null) {
                bySheet.get(sheet).merge(rule, 1, Integer::sum);
            }
        }

        List<ReplayReport.TableCoverage> tables() {
            List<ReplayReport.TableCoverage> coverage = new ArrayList<>();
            bySheet.forEach((sheet, hits) -> coverage.add(new ReplayReport.TableCoverage(tableOfSheet.get(sheet), sheet, hits,
                    hits.entrySet().stream().filter(e -> e.getValue() == 0).map(Map.Entry::getKey).toList())));
            return coverage;
        }
    }
}
