package com.channelrouter.tables;

import com.channelrouter.support.Hashes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The workbooks that together make one decision-table version. Its version id is derived from the
 * content, so the same workbooks always make the same version wherever they are loaded.
 */
public record TableSource(List<WorkbookFile> workbooks) {

    public TableSource {
        workbooks = workbooks.stream().sorted(Comparator.comparing(WorkbookFile::name)).toList();
    }

    /**
     * This set with each of {@code replacements} in place of the workbook of the same name (or added beside
     * them): what an upload does to the live set, and what a business owner's folder of edited workbooks does
     * to the shipped set.
     */
    public TableSource replacing(List<WorkbookFile> replacements) {
        List<WorkbookFile> files = new ArrayList<>();
        workbooks.stream()
                .filter(w -> replacements.stream().noneMatch(r -> r.name().equalsIgnoreCase(w.name())))
                .forEach(files::add);
        files.addAll(replacements);
        return new TableSource(files);
    }

    /** SHA-256 over file names and bytes, first 12 hex digits: short enough to read, long enough to be unique. */
    public String version() {
        return contentHash().substring(0, 12);
    }

    public String contentHash() {
        MessageDigest digest = Hashes.sha256();
        for (WorkbookFile file : workbooks) {
            digest.update(file.name().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(Integer.toString(file.content().length).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(file.content());
        }
        return Hashes.hex(digest.digest());
    }
}
