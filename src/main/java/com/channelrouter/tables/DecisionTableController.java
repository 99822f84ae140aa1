package com.channelrouter.tables;

import com.channelrouter.security.ApiClient;
import com.channelrouter.web.ProblemTypes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Decision tables for table owners: upload a workbook as a candidate, read what was found in it, publish
 * it, roll back. Problems and warnings are written for business owners, in Chinese when the request's
 * Accept-Language asks for it.
 */
@RestController
@RequestMapping("/api/v1/decision-tables")
class DecisionTableController {

    private static final String XLSX_VALUE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final MediaType XLSX = MediaType.parseMediaType(XLSX_VALUE);

    private final DecisionTableVersions versions;
    private final LiveDecisionTables live;

    DecisionTableController(DecisionTableVersions versions, LiveDecisionTables live) {
        this.versions = versions;
        this.live = live;
    }

    /** A problem as a business owner reads it: where, the value found, and what is wrong. */
    @Schema(name = "WorkbookProblem")
    record ProblemView(String workbook, String sheet, String cell, Integer row, String column, String value, String message) {
        static List<ProblemView> of(List<TableProblem> problems, Locale locale) {
            boolean chinese = "zh".equals(locale.getLanguage());
            return problems.stream().map(p -> new ProblemView(p.workbook(), p.sheet(), p.cell(), p.row(), p.column(), p.value(),
                    chinese && p.messageZh() != null ? p.messageZh() : p.message())).toList();
        }
    }

    /** The answer to an upload. */
    record UploadResponse(String version, boolean created, boolean publishable, String basedOn, String uploadedFile,
                          List<ProblemView> problems, List<ProblemView> warnings, TableAnalysis.Report analysis,
                          List<CandidateCheck.Result> checks) {
    }

    /** A version with everything found in it. */
    record VersionDetail(TableVersion version, List<ProblemView> problems, List<ProblemView> warnings,
                         TableAnalysis.Report analysis, List<CandidateCheck.Result> checks) {
    }

    /** All versions, newest first, and which one is live. */
    record VersionList(String live, String servedHere, List<TableVersion> versions) {
    }

    /** Why a publish or rollback was made. */
    record Change(String comment) {
    }

    @ApiResponse(responseCode = "201", description = "Stored as a candidate version (publishable or not: see problems)",
            headers = @Header(name = "Location", description = "The version: /api/v1/decision-tables/{version}",
                    schema = @Schema(type = "string", format = "uri-reference")))
    @ApiResponse(responseCode = "200", description = "The same content is already stored; nothing new was stored")
    @ApiResponse(responseCode = "413", description = "The file is larger than 5 MB; nothing was stored")
    @ApiResponse(responseCode = "415", description = "Not a workbook the service accepts (problems says why); nothing was stored")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<UploadResponse> upload(@RequestParam("file") MultipartFile file,
                                          @RequestParam(name = "comment", required = false) String comment,
                                          @AuthenticationPrincipal ApiClient caller, Locale locale) throws IOException {
        byte[] content = file.getInputStream().readNBytes(WorkbookReader.MAX_WORKBOOK_BYTES + 1);
        DecisionTableVersions.Upload upload = versions.upload(new WorkbookFile(file.getOriginalFilename(), content),
                caller.id(), limit(comment));
        VersionReport report = upload.report();
        UploadResponse body = new UploadResponse(upload.version(), upload.created(), report.publishable(), upload.basedOn(),
                upload.uploadedFile(), ProblemView.of(report.problems(), locale), ProblemView.of(report.warnings(), locale),
                report.analysis(), report.checks());
        return upload.created()
                ? ResponseEntity.created(URI.create("/api/v1/decision-tables/" + upload.version())).body(body)
                : ResponseEntity.ok(body);
    }

    @Operation(operationId = "listTableVersions")
    @GetMapping
    VersionList list() {
        List<TableVersion> all = versions.list();
        String liveVersion = all.stream().filter(TableVersion::live).map(TableVersion::version).findFirst()
                .orElse(live.current().version());
        return new VersionList(liveVersion, live.current().version(), all);
    }

    @Operation(operationId = "getTableVersion")
    @GetMapping("/{version}")
    VersionDetail get(@PathVariable String version, Locale locale) {
        VersionReport report = versions.report(version);
        return new VersionDetail(versions.get(version), ProblemView.of(report.problems(), locale),
                ProblemView.of(report.warnings(), locale), report.analysis(), report.checks());
    }

    @GetMapping("/{version}/analysis")
    TableAnalysis.Report analysis(@PathVariable String version) {
        return versions.analysis(version);
    }

    /** The rules the version's rows make, for reviewing a change as a diff (see also print-drl). */
    @GetMapping(path = "/{version}/drl", produces = MediaType.TEXT_PLAIN_VALUE)
    String drl(@PathVariable String version) {
        return versions.compiledVersion(version).rules().drl();
    }

    @ApiResponse(responseCode = "200", description = "The workbook file", content = @Content(mediaType = XLSX_VALUE,
            schema = @Schema(type = "string", format = "binary")))
    @GetMapping("/{version}/workbooks/{fileName}")
    ResponseEntity<byte[]> workbook(@PathVariable String version, @PathVariable String fileName) {
        WorkbookFile workbook = versions.workbook(version, fileName);
        return ResponseEntity.ok().contentType(XLSX)
                .header("Content-Disposition", ContentDisposition.attachment().filename(workbook.name(), StandardCharsets.UTF_8)
                        .build().toString())
                .body(workbook.content());
    }

    @ApiResponse(responseCode = "200", description = "The version, now live (every instance follows within about a second)")
    @ApiResponse(responseCode = "409", description = "Its own workbook changed since the upload, or the live version changed meanwhile")
    @ApiResponse(responseCode = "422", description = "The version has problems (also once rebuilt on the live set): not publishable")
    @PostMapping("/{version}/publish")
    TableVersion publish(@PathVariable String version, @RequestBody(required = false) Change change,
                         @AuthenticationPrincipal ApiClient caller) {
        return versions.publish(version, caller.id(), change == null ? null : limit(change.comment()));
    }

    @ApiResponse(responseCode = "200", description = "The version that is live again")
    @ApiResponse(responseCode = "409", description = "No version to go back to, or the live version changed meanwhile")
    @PostMapping("/rollback")
    TableVersion rollback(@RequestBody(required = false) Change change, @AuthenticationPrincipal ApiClient caller) {
        return versions.rollback(caller.id(), change == null ? null : limit(change.comment()));
    }

    @ExceptionHandler(UnacceptableWorkbookException.class)
    ResponseEntity<ProblemDetail> unacceptable(UnacceptableWorkbookException ex, Locale locale) {
        HttpStatus status = HttpStatus.valueOf(ex.status());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.getMessage() + " Nothing was stored.");
        problem.setType(ProblemTypes.uri("unacceptable-workbook"));
        problem.setTitle("Not a workbook the service accepts");
        problem.setProperty("problems", ProblemView.of(ex.problems(), locale));
        return ResponseEntity.status(status).body(problem);
    }

    private static String limit(String comment) {
        return comment == null ? null : comment.length() > 1000 ? comment.substring(0, 1000) : comment;
    }
}
