package com.channelrouter.replay;

import com.channelrouter.customer.Customers;
import com.channelrouter.tables.DecisionTableVersions;
import com.channelrouter.tables.DecisionTables;
import com.channelrouter.tables.LiveDecisionTables;
import com.channelrouter.web.InvalidRequestException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * QA's replay over the API: case files (part "file", one or more; .jsonl, .csv or .xlsx) replayed against
 * the live version or any stored version, answered with the same report as the command line, plus a warning
 * for each case that leaves out the class of a customer this service's registry knows (replays do not read it).
 */
@RestController
@RequestMapping("/api/v1/replays")
class ReplayController {

    private final CaseRunner runner;
    private final CaseFiles files;
    private final LiveDecisionTables live;
    private final DecisionTableVersions versions;
    private final Clock clock;
    private final Customers customers;

    ReplayController(CaseRunner runner, tools.jackson.databind.json.JsonMapper json, LiveDecisionTables live,
                     DecisionTableVersions versions, Clock clock, Customers customers) {
        this.runner = runner;
        this.files = new CaseFiles(json);
        this.live = live;
        this.versions = versions;
        this.clock = clock;
        this.customers = customers;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ReplayReport replay(@RequestParam("file") List<MultipartFile> caseFiles,
                        @RequestParam(name = "version", required = false) String version) throws IOException {
        if (caseFiles.isEmpty()) {
            throw InvalidRequestException.of("file", "is required: one or more case files (.jsonl, .csv, .xlsx)");
        }
        DecisionTables tables = version == null || version.isBlank() ? live.current() : versions.compiledVersion(version);
        List<Replayer.Input> inputs = new ArrayList<>();
        List<InputStream> streams = new ArrayList<>();
        try {
            for (MultipartFile file : caseFiles) {
                InputStream in = file.getInputStream();
                streams.add(in);
                inputs.add(new Replayer.Input(file.getOriginalFilename() == null ? "cases" : file.getOriginalFilename(), in));
            }
            // the registry is not read to decide, only to warn about cases that look as if they expected it to be
            Replayer.Registry registry = ids -> customers.findAll(ids).keySet();
            return new Replayer(runner, files, clock, Replayer.MAX_CASES_PER_REQUEST, registry).replay(inputs, tables);
        } finally {
            for (InputStream in : streams) {
                in.close();
            }
        }
    }
}
