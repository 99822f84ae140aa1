package com.channelrouter.tables;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;

/**
 * Keeps the workbooks of every version that decides anything, by content hash, so any stored decision
 * can be explained and replayed against the exact tables that made it.
 */
@Service
class TableVersions {

    private final TableVersionMapper mapper;
    private final Clock clock;

    TableVersions(TableVersionMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Stores the version's workbooks unless they are already stored; safe to call from several instances. */
    @Transactional
    public void record(TableSource source, String origin, String createdBy, String comment) {
        String version = source.version();
        if (mapper.exists(version)) {
            return;
        }
        try {
            mapper.insertVersion(version, source.contentHash(), origin, createdBy, clock.instant(), comment);
            for (WorkbookFile file : source.workbooks()) {
                mapper.insertWorkbook(version, file.name(), file.content());
            }
        } catch (DuplicateKeyException raceWithAnotherInstance) {
            // another instance stored the same content first: the version is kept either way
        }
    }
}
