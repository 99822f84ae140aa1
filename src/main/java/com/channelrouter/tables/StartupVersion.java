package com.channelrouter.tables;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Decides at start-up which version to serve. The database's live version wins once table owners have
 * published through the service; until then the configured workbooks (the shipped ones, or a folder)
 * are the live version, so editing a file and restarting still works on a fresh or untouched database.
 */
final class StartupVersion {

    private static final Logger log = LoggerFactory.getLogger(StartupVersion.class);

    private final TableVersionMapper mapper;
    private final DecisionTableLoader loader;
    private final TransactionTemplate transaction;
    private final JsonMapper json;
    private final Clock clock;

    StartupVersion(TableVersionMapper mapper, DecisionTableLoader loader, TransactionTemplate transaction, JsonMapper json,
                   Clock clock) {
        this.mapper = mapper;
        this.loader = loader;
        this.transaction = transaction;
        this.json = json;
        this.clock = clock;
    }

    DecisionTables resolve(TableSource files, String location) {
        DecisionTables served = tablesToServe(files, location);
        CalendarCoverage.warning(served.calendar(), clock.instant()).ifPresent(w -> log.warn("Decision tables: {}", w.describe()));
        return served;
    }

    private DecisionTables tablesToServe(TableSource files, String location) {
        TableLoadResult fromFiles = loader.load(files);
        fromFiles.warnings().forEach(w -> log.warn("Decision tables: {}", w.describe()));
        for (int attempt = 1; ; attempt++) {
            try {
                String serve = transaction.execute(status -> choose(files, fromFiles, location));
                if (serve.equals(files.version())) {
                    return fromFiles.tables();
                }
                TableLoadResult fromDatabase = loader.load(new TableSource(mapper.findWorkbooks(serve)));
                if (!fromDatabase.publishable()) {
                    throw new UnservableTablesException("the database (live version " + serve + ")", fromDatabase.problems());
                }
                return fromDatabase.tables();
            } catch (DataAccessException raceWithAnotherInstance) {
                if (attempt == 3) {
                    throw raceWithAnotherInstance;
                }
            }
        }
    }

    /** Inside the transaction that holds the live row: which version to serve, recording the files' if they win. */
    private String choose(TableSource files, TableLoadResult fromFiles, String location) {
        Optional<String> liveVersion = mapper.lockLive();
        boolean filesServable = fromFiles.publishable();
        if (liveVersion.isEmpty()) {
            requireServable(fromFiles, location);
            recordFiles(files, fromFiles, location);
            mapper.insertLive(files.version(), mapper.lastPublicationId());
            return files.version();
        }
        if (liveVersion.get().equals(files.version())) {
            return files.version();
        }
        boolean publishedThroughTheService = mapper.findLivePublication()
                .map(p -> !PublicationRow.START.equals(p.publicationAction())).orElse(true);
        if (!publishedThroughTheService && filesServable) {
            recordFiles(files, fromFiles, location);
            mapper.updateLive(files.version(), mapper.lastPublicationId());
            log.info("Decision tables: the workbooks at {} changed since the last start; version {} is live now", location,
                    files.version());
            return files.version();
        }
        log.warn("Decision tables: serving version {}, published through the service; the workbooks at {} (version {}) "
                + "are not used. Upload them to change the live version.", liveVersion.get(), location, files.version());
        return liveVersion.get();
    }

    private void recordFiles(TableSource files, TableLoadResult fromFiles, String location) {
        if (!mapper.exists(files.version())) {
            VersionReport report = new VersionReport(fromFiles.problems(), fromFiles.warnings(), null, List.of());
            mapper.insertVersion(new TableVersionRow(files.version(), files.contentHash(), "START", "system", clock.instant(),
                    "loaded from " + location, fromFiles.publishable(), null, null, json.writeValueAsString(report)));
            for (WorkbookFile workbook : files.workbooks()) {
                mapper.insertWorkbook(files.version(), workbook.name(), workbook.content());
            }
        }
        mapper.insertPublication(files.version(), PublicationRow.START, "system", "loaded from " + location, clock.instant());
    }

    private static void requireServable(TableLoadResult result, String location) {
        if (!result.publishable()) {
            throw new UnservableTablesException(location, result.problems());
        }
    }
}
