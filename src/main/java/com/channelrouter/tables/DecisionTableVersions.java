package com.channelrouter.tables;

import com.channelrouter.support.BackgroundThreads;
import com.channelrouter.web.NotFoundException;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.regex.Pattern;

/**
 * Decision-table versions at run time. An upload replaces one workbook of the live set and becomes an
 * immutable candidate, stored with everything found while reading, analysing and testing it; it is never
 * served until published. Publishing and rolling back change one row in the database; every instance
 * follows that row, building the version off to the side and swapping it in whole.
 */
public class DecisionTableVersions {

    private static final Logger log = LoggerFactory.getLogger(DecisionTableVersions.class);
    private static final int MAX_LISTED = 200;
    private static final int COMPILED_KEPT = 4;
    /** How long after its upload a candidate is compiled ahead on every instance. */
    private static final Duration CANDIDATES_PREPARED_FOR = Duration.ofHours(1);
    private static final Pattern UPLOAD_NAME = Pattern.compile("[\\p{L}\\p{N} _.()（）-]{1,100}\\.xlsx");

    private final TableVersionMapper mapper;
    private final DecisionTableLoader loader;
    private final List<CandidateCheck> checks;
    private final LiveDecisionTables live;
    private final TransactionTemplate transaction;
    private final JsonMapper json;
    private final Clock clock;
    /**
     * Where candidates are read, compiled and checked (an upload, or a candidate compiled ahead of time): one
     * thread at idle CPU priority, with the JIT compiler's C2 threads there too while it works, so that
     * compiling a big table under full load slows the upload rather than the routing requests.
     */
    private final ExecutorService candidateWork = BackgroundThreads.singleThread("candidate-check");
    /** Versions being compiled now, for those who ask for one meanwhile. */
    private final Map<String, CompletableFuture<DecisionTables>> compiling = new ConcurrentHashMap<>();
    /** Candidates handed to the candidate thread to compile ahead of time and not yet compiled. */
    private final Set<String> preparing = ConcurrentHashMap.newKeySet();
    /** Recently used versions, compiled: publishing or rolling back to one of them is an instant swap. */
    private final Map<String, DecisionTables> compiled = Collections.synchronizedMap(new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, DecisionTables> eldest) {
            return size() > COMPILED_KEPT;
        }
    });

    DecisionTableVersions(TableVersionMapper mapper, DecisionTableLoader loader, List<CandidateCheck> checks,
                          LiveDecisionTables live, TransactionTemplate transaction, JsonMapper json, Clock clock) {
        this.mapper = mapper;
        this.loader = loader;
        this.checks = List.copyOf(checks);
        this.live = live;
        this.transaction = transaction;
        this.json = json;
        this.clock = clock;
        compiled.put(live.current().version(), live.current());
    }

    /** The outcome of an upload: the candidate's version, whether it was new, and what was found. */
    public record Upload(String version, boolean created, String basedOn, String uploadedFile, VersionReport report) {
    }

    /**
     * Makes a candidate from the live set with {@code file} in place of the workbook of the same name (or
     * added beside them). A file that is not a workbook the service accepts at all is refused and nothing
     * is stored; a workbook with problems is stored for reference but cannot be published.
     */
    public Upload upload(WorkbookFile file, String actor, String comment) {
        // on the one candidate thread, as the check: a workbook may unpack to 100 MB while it is read, and eight
        // uploads read side by side took a 1 GB heap to its limit
        WorkbookFile upload = inBackground(() -> acceptable(file));
        TableSource base = liveSet();
        TableSource source = base.replacing(List.of(upload));
        String version = source.version();
        UploadRow made = new UploadRow(version, base.version(), upload.name(), actor, clock.instant(), comment);
        Optional<TableVersionRow> existing = mapper.findVersion(version);
        if (existing.isPresent()) {
            return alreadyStored(existing.get(), source, made);
        }
        VersionReport report = inBackground(() -> check(source, upload.name()));
        TableVersionRow row = new TableVersionRow(version, source.contentHash(), "UPLOAD", actor, made.uploadedAt(), comment,
                report.publishable(), base.version(), upload.name(), json.writeValueAsString(report));
        try {
            transaction.executeWithoutResult(status -> {
                store(row, source);
                mapper.insertUpload(made);
            });
        } catch (DuplicateKeyException storedMeanwhile) {
            // the same workbook was uploaded again while this one was checked (a second click, a retry after a
            // slow upload, another instance): the version is the content's hash, so theirs is this one
            return alreadyStored(mapper.findVersion(version).orElse(row), source, made);
        }
        log.info("Decision tables: {} uploaded {} as candidate {} ({} problems, {} warnings)", actor, upload.name(), version,
                report.problems().size(), report.warnings().size());
        return new Upload(version, true, base.version(), upload.name(), report);
    }

    /**
     * The live set as the database has it. An instance serves a publish made on another one only a few seconds
     * later; an upload in between must not build on the set before it.
     */
    private TableSource liveSet() {
        DecisionTables served = live.current();
        String liveVersion = mapper.findLive().orElse(served.version());
        List<WorkbookFile> workbooks = liveVersion.equals(served.version()) ? List.of() : mapper.findWorkbooks(liveVersion);
        return workbooks.isEmpty() ? served.source() : new TableSource(workbooks);
    }

    /**
     * The answer to an upload of content already stored as a version, kept as this upload (unless it is the live set
     * unedited, which changes nothing): publishing the version then changes this upload's workbook alone, even if the
     * version was live before ({@link #uploadSinceLastPublished}). A version loaded from the folder at start was only
     * read then (the start is not held up by the analysis and the tests): an owner uploading it gets the whole check.
     */
    private Upload alreadyStored(TableVersionRow stored, TableSource source, UploadRow made) {
        if (!made.versionId().equals(made.basedOn())) {
            mapper.insertUpload(made);
        }
        VersionReport report = report(stored);
        if (report.analysis() == null && report.problems().isEmpty()) {
            report = inBackground(() -> check(source, made.uploadedFile()));
        }
        return new Upload(stored.versionId(), false, made.basedOn(), made.uploadedFile(), report);
    }

    /** Reads, compiles, analyses and tests a set of workbooks, the uploaded one checked by every rule. */
    VersionReport check(TableSource source, String uploadedFile) {
        TableLoadResult result = loader.load(source, Set.of(uploadedFile));
        if (result.tables() == null) {
            return new VersionReport(result.problems(), result.warnings(), null, List.of());
        }
        DecisionTables tables = result.tables();
        TableAnalysis.Report analysis = TableAnalysis.analyse(tables.rules(), tables.products());
        List<TableProblem> warnings = new ArrayList<>(result.warnings());
        warnings.addAll(TableAnalysis.warnings(analysis, tables.rules()));
        CalendarCoverage.warning(tables.calendar(), clock.instant()).ifPresent(warnings::add);
        List<TableProblem> problems = new ArrayList<>(result.problems());
        List<CandidateCheck.Result> results = new ArrayList<>();
        for (CandidateCheck check : checks) {
            CandidateCheck.Result outcome = check.check(tables);
            results.add(outcome);
            problems.addAll(outcome.problems());
        }
        if (problems.isEmpty()) {
            compiled.put(tables.version(), tables);
        }
        return new VersionReport(problems, warnings, analysis, results);
    }

    /** Refuses, before anything is stored, what is not an .xlsx workbook the service will read at all. */
    private static WorkbookFile acceptable(WorkbookFile file) {
        String name = file.name() == null ? "" : file.name().replaceAll("^.*[/\\\\]", "").strip();
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".xlsm") || lower.endsWith(".xltm")) {
            throw refused(415, name, "Macro-enabled workbooks (.xlsm) are refused: decision tables are data only. "
                    + "Save the workbook as \"Excel Workbook (.xlsx)\".", "不接受启用宏的工作簿（.xlsm）：决策表只能包含数据。请另存为“Excel 工作簿 (.xlsx)”。");
        }
        if (lower.endsWith(".xls")) {
            throw refused(415, name, "Old .xls workbooks are refused. Save the workbook as \"Excel Workbook (.xlsx)\".",
                    "不接受旧版 .xls 工作簿。请另存为“Excel 工作簿 (.xlsx)”。");
        }
        if (!lower.endsWith(".xlsx")) {
            throw refused(415, name, "Only .xlsx workbooks are accepted.", "只接受 .xlsx 工作簿。");
        }
        if (!UPLOAD_NAME.matcher(name).matches()) {
            throw refused(400, name, "A workbook's name has letters, digits, spaces, '.', '-', '_' or brackets, and ends in .xlsx.",
                    "工作簿名称只能包含文字、数字、空格、“.”、“-”、“_”或括号，并以 .xlsx 结尾。");
        }
        if (file.content().length > WorkbookReader.MAX_WORKBOOK_BYTES) {
            throw refused(413, name, "The file is larger than " + WorkbookReader.MAX_WORKBOOK_BYTES / (1024 * 1024) + " MB.",
                    "文件超过 " + WorkbookReader.MAX_WORKBOOK_BYTES / (1024 * 1024) + " MB。");
        }
        WorkbookFile upload = new WorkbookFile(name, file.content());
        TableProblems problems = new TableProblems();
        if (WorkbookReader.read(upload, problems).isEmpty() && problems.hasErrors()) {
            throw new UnacceptableWorkbookException(415, problems.errors().get(0).message(), problems.errors());
        }
        return upload;
    }

    private static UnacceptableWorkbookException refused(int status, String file, String message, String messageZh) {
        return new UnacceptableWorkbookException(status, message,
                List.of(new TableProblem(file, null, null, null, null, null, message, messageZh)));
    }

    private void store(TableVersionRow row, TableSource source) {
        mapper.insertVersion(row);
        for (WorkbookFile workbook : source.workbooks()) {
            mapper.insertWorkbook(row.versionId(), workbook.name(), workbook.content());
        }
    }

    public List<TableVersion> list() {
        String liveVersion = mapper.findLive().orElse(live.current().version());
        Map<String, List<TableVersion.Publication>> publications = publicationsByVersion();
        return mapper.findVersions(MAX_LISTED).stream()
                .map(row -> summary(row, liveVersion, publications.getOrDefault(row.versionId(), List.of())))
                .toList();
    }

    public TableVersion get(String version) {
        TableVersionRow row = row(version);
        String liveVersion = mapper.findLive().orElse(live.current().version());
        return summary(row, liveVersion, publicationsByVersion().getOrDefault(version, List.of()));
    }

    public VersionReport report(String version) {
        return report(row(version));
    }

    /** The analysis of a version, from its report or worked out now for versions stored without one. */
    public TableAnalysis.Report analysis(String version) {
        VersionReport report = report(row(version));
        if (report.analysis() != null) {
            return report.analysis();
        }
        DecisionTables tables = compiledVersion(version);
        return TableAnalysis.analyse(tables.rules(), tables.products());
    }

    public WorkbookFile workbook(String version, String fileName) {
        row(version);
        return mapper.findWorkbook(version, fileName)
                .orElseThrow(() -> new NotFoundException("Version " + version + " has no workbook " + fileName + "."));
    }

    /**
     * The version compiled, for serving or for comparing; built on demand and kept for a while. Built once
     * however many ask at the same moment (a 10,000-row build takes seconds and several times the memory of its
     * result): the others wait for it.
     */
    public DecisionTables compiledVersion(String version) {
        DecisionTables tables = compiled.get(version);
        if (tables != null) {
            return tables;
        }
        CompletableFuture<DecisionTables> mine = new CompletableFuture<>();
        CompletableFuture<DecisionTables> theirs = compiling.putIfAbsent(version, mine);
        if (theirs != null) {
            try {
                return theirs.join();
            } catch (CompletionException failed) {
                throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
            }
        }
        try {
            DecisionTables built = Optional.ofNullable(compiled.get(version)).orElseGet(() -> compile(version));
            mine.complete(built);
            return built;
        } catch (RuntimeException | Error failed) {
            mine.completeExceptionally(failed);
            throw failed;
        } finally {
            compiling.remove(version, mine);
        }
    }

    private DecisionTables compile(String version) {
        List<WorkbookFile> workbooks = mapper.findWorkbooks(version);
        if (workbooks.isEmpty()) {
            throw new NotFoundException("No decision-table version " + version + ".");
        }
        TableLoadResult result = loader.load(new TableSource(workbooks));
        if (!result.publishable()) {
            throw PublishRefusals.cannotBeServed(version, result.problems());
        }
        compiled.put(version, result.tables());
        return result.tables();
    }

    /**
     * Makes a publishable version live here now and, through the database, on every instance within seconds. A
     * candidate uploaded before other workbooks were published is published rebuilt on the live set
     * ({@link #onTheLiveSet}), so that publishing one owner's workbook never undoes another's.
     */
    public TableVersion publish(String version, String actor, String comment) {
        TableVersionRow requested = row(version);
        requirePublishable(requested);
        String liveBefore = mapper.findLive().orElse(live.current().version());
        Target target = onTheLiveSet(requested, liveBefore);
        String targetVersion = target.row().versionId();
        DecisionTables tables = target.tables() != null ? target.tables() : compiledVersion(targetVersion);
        try {
            transaction.executeWithoutResult(status -> {
                String current = mapper.lockLive().orElse(null);
                if (targetVersion.equals(current)) {
                    return;
                }
                if (target.dependsOnLive() && !liveBefore.equals(current)) {
                    // what this candidate was checked against is no longer live: it could undo what was published meanwhile
                    throw PublishRefusals.publishedMeanwhile();
                }
                if (target.rebuilt() != null && mapper.findVersion(targetVersion).isEmpty()) {
                    store(target.row(), target.rebuilt());
                }
                mapper.insertPublication(targetVersion, PublicationRow.PUBLISH, actor, comment, clock.instant());
                mapper.updateLive(targetVersion, mapper.lastPublicationId());
            });
        } catch (DuplicateKeyException storedMeanwhile) {
            throw PublishRefusals.publishedMeanwhile(); // the same rebuilt set stored by another publish or upload at this moment
        }
        live.activate(tables);
        log.info("Decision tables: {} published version {}{}", actor, targetVersion,
                targetVersion.equals(version) ? "" : " (" + version + "'s " + target.row().uploadedFile() + " on live version " + liveBefore + ")");
        return get(targetVersion);
    }

    /**
     * The tables publishing {@code version} would make live now: the version itself, or its workbook rebuilt on the
     * live set (compiled, not stored). Refused as publishing it would be, with 409 or 422. For the impact preview,
     * which must show what publishing does, not what the stored candidate differs in.
     */
    public DecisionTables toBePublished(String version) {
        Target target = onTheLiveSet(row(version), mapper.findLive().orElse(live.current().version()));
        return target.tables() != null ? target.tables() : compiledVersion(target.row().versionId());
    }

    /**
     * What a publish makes live: the version asked for, or its workbook on the live set; {@code rebuilt} holds that
     * set while it is not stored yet (it is stored with the publication, so a refused publish stores nothing), and
     * {@code tables} its compiled rules. {@code dependsOnLive}: the decision was taken on the live version read first.
     */
    private record Target(TableVersionRow row, TableSource rebuilt, DecisionTables tables, boolean dependsOnLive) {

        static Target asStored(TableVersionRow row, boolean dependsOnLive) {
            return new Target(row, null, null, dependsOnLive);
        }
    }

    private void requirePublishable(TableVersionRow row) {
        if (!row.publishable()) {
            throw PublishRefusals.hasProblems(row.versionId(), report(row).problems());
        }
    }

    /**
     * What to make live for a publish of {@code row}. A candidate (a version uploaded since it was last live, or
     * never live) replaced one workbook of the set live at its last upload; if other workbooks were published since,
     * its workbook is put on the live set, which is checked and tested again like an upload. If the uploaded workbook
     * itself was replaced since, publishing it would overwrite someone else's change to the same workbook: that is a
     * conflict for the owners. A version that was live before and not uploaded since (or loaded from files at a
     * start) is a whole set, published as it is: that is how an owner goes back to a known version.
     */
    private Target onTheLiveSet(TableVersionRow row, String liveVersion) {
        UploadRow upload = uploadSinceLastPublished(row.versionId()).orElse(null);
        boolean candidate = upload != null;
        if (!candidate || liveVersion.equals(upload.basedOn()) || liveVersion.equals(row.versionId())) {
            return Target.asStored(row, candidate);
        }
        List<WorkbookFile> basedOn = mapper.findWorkbooks(upload.basedOn());
        List<WorkbookFile> liveSet = mapper.findWorkbooks(liveVersion);
        WorkbookFile uploaded = mapper.findWorkbook(row.versionId(), upload.uploadedFile()).orElse(null);
        if (basedOn.isEmpty() || liveSet.isEmpty() || uploaded == null) {
            throw PublishRefusals.cannotTellWhatChanged(row.versionId(), upload.uploadedFile());
        }
        LiveSetChanges changes = LiveSetChanges.between(basedOn, liveSet, uploaded);
        if (changes.none()) {
            return Target.asStored(row, true);
        }
        if (changes.uploadedFileChanged()) {
            throw PublishRefusals.workbookChanged(row.versionId(), uploaded.name(), liveVersion);
        }
        TableSource rebuilt = new TableSource(liveSet).replacing(List.of(uploaded));
        Optional<TableVersionRow> stored = mapper.findVersion(rebuilt.version());
        if (stored.isPresent()) {
            requirePublishable(stored.get());
            return Target.asStored(stored.get(), true);
        }
        VersionReport report = inBackground(() -> check(rebuilt, uploaded.name()));
        String changed = String.join(", ", changes.changedSince());
        if (!report.publishable()) {
            throw PublishRefusals.hasProblemsOnTheLiveSet(row.versionId(), uploaded.name(), changed, liveVersion, report.problems());
        }
        String why = "Version " + row.versionId() + "'s " + uploaded.name() + " on version " + liveVersion + " (" + changed
                + " changed after its upload), rebuilt when published" + (upload.commentText() == null ? "" : ": " + upload.commentText());
        TableVersionRow rebuiltRow = new TableVersionRow(rebuilt.version(), rebuilt.contentHash(), "REBUILT", upload.uploadedBy(), clock.instant(),
                why.length() > 1000 ? why.substring(0, 1000) : why, true, liveVersion, uploaded.name(), json.writeValueAsString(report));
        DecisionTables tables = Optional.ofNullable(compiled.get(rebuilt.version())).orElseGet(() -> loader.load(rebuilt).tables());
        return new Target(rebuiltRow, rebuilt, tables, true);
    }

    /** The version's last upload if it came after the version was last live (or it never was): it is a candidate. */
    private Optional<UploadRow> uploadSinceLastPublished(String versionId) {
        Optional<Instant> lastLive = mapper.findPublications().stream().filter(p -> p.versionId().equals(versionId))
                .map(PublicationRow::publishedAt).max(Comparator.naturalOrder());
        return mapper.findLastUpload(versionId).filter(upload -> lastLive.isEmpty() || upload.uploadedAt().isAfter(lastLive.get()));
    }

    /** Makes the version that was live before the current one live again. */
    public TableVersion rollback(String actor, String comment) {
        List<String> stack = liveStack(mapper.findPublications());
        if (stack.size() < 2) {
            throw PublishRefusals.nothingToRollBackTo(stack.get(stack.size() - 1));
        }
        String current = stack.get(stack.size() - 1);
        String target = stack.get(stack.size() - 2);
        DecisionTables tables = compiledVersion(target);
        transaction.executeWithoutResult(status -> {
            // the whole history, read again under the lock: the live version alone can be the same again after
            // publishes meanwhile (C, then D and C again), when the version before it is no longer the target
            String locked = mapper.lockLive().orElse(null);
            if (!current.equals(locked) || !stack.equals(liveStack(mapper.findPublications()))) {
                throw PublishRefusals.changedWhileRollingBack();
            }
            mapper.insertPublication(target, PublicationRow.ROLLBACK, actor, comment, clock.instant());
            mapper.updateLive(target, mapper.lastPublicationId());
        });
        live.activate(tables);
        log.info("Decision tables: {} rolled back from {} to {}", actor, current, target);
        return get(target);
    }

    /**
     * Serves the version the database says is live, if this instance serves another; then compiles the
     * newest candidates ahead of time, so that publishing one of them is an instant swap here too (a
     * 10,000-row table takes seconds to compile). Every instance runs it.
     */
    void follow() {
        String wanted = mapper.findLive().orElse(null);
        DecisionTables served = live.current();
        if (wanted != null && !wanted.equals(served.version())) {
            live.activate(compiledVersion(wanted));
            log.info("Decision tables: now serving version {} (was {})", wanted, served.version());
        }
        for (String candidate : mapper.findRecentPublishable(clock.instant().minus(CANDIDATES_PREPARED_FOR), COMPILED_KEPT - 2)) {
            if (!compiled.containsKey(candidate) && preparing.add(candidate)) {
                // not waited for: the candidate thread runs at idle priority, behind uploads' checks, and following
                // the live version must not wait behind it (under load that was far more than the promised seconds)
                candidateWork.execute(() -> prepare(candidate));
                return; // one at a time: the live version is checked again first
            }
        }
    }

    /** Compiles a candidate ahead of time, on the candidate thread; a failure only means it compiles when published. */
    private void prepare(String candidate) {
        try {
            compiledVersion(candidate);
        } catch (RuntimeException failed) {
            log.warn("Decision tables: could not prepare candidate {}: {}", candidate, failed.getMessage());
        } finally {
            preparing.remove(candidate);
        }
    }

    /** Runs the work on the candidate thread and waits for it; what it throws is thrown here. */
    private <T> T inBackground(Callable<T> work) {
        try {
            return candidateWork.submit(work).get();
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException refused) {
                throw refused;
            }
            if (failed.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(failed.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while checking decision tables", e);
        }
    }

    @PreDestroy
    void stop() {
        candidateWork.shutdownNow();
    }

    /** Publishes push a version, rollbacks pop one: what is live, and what was live before it. */
    static List<String> liveStack(List<PublicationRow> publications) {
        List<String> stack = new ArrayList<>();
        for (PublicationRow publication : publications) {
            if (PublicationRow.ROLLBACK.equals(publication.publicationAction())) {
                if (stack.size() > 1) {
                    stack.remove(stack.size() - 1);
                }
            } else {
                stack.add(publication.versionId());
            }
        }
        return stack;
    }

    private TableVersionRow row(String version) {
        return mapper.findVersion(version).orElseThrow(() -> new NotFoundException("No decision-table version " + version + "."));
    }

    private VersionReport report(TableVersionRow row) {
        return row.reportJson() == null ? new VersionReport(List.of(), List.of(), null, List.of())
                : json.readValue(row.reportJson(), VersionReport.class);
    }

    private Map<String, List<TableVersion.Publication>> publicationsByVersion() {
        Map<String, List<TableVersion.Publication>> byVersion = new LinkedHashMap<>();
        for (PublicationRow publication : mapper.findPublications()) {
            byVersion.computeIfAbsent(publication.versionId(), v -> new ArrayList<>()).add(new TableVersion.Publication(
                    publication.publicationAction(), publication.actor(), publication.publishedAt(), publication.commentText()));
        }
        return byVersion;
    }

    private static TableVersion summary(TableVersionRow row, String liveVersion, List<TableVersion.Publication> publications) {
        return new TableVersion(row.versionId(), row.origin(), row.createdBy(), row.createdAt(), row.uploadedFile(), row.basedOn(),
                row.commentText(), row.publishable(), row.versionId().equals(liveVersion), publications);
    }
}
