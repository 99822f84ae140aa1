package com.channelrouter.tables;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads a set of workbooks from a resource pattern or a folder. */
public final class TableFiles {

    /** Where the shipped workbooks are: on the classpath, built from {@code decision-tables/}. */
    static final String SHIPPED = "classpath:decision-tables/*.xlsx";

    private TableFiles() {
    }

    /**
     * The shipped workbooks with those in {@code folder} (if given) in place of the ones of the same name, as an upload
     * puts them on the live set: for the command lines, so that a folder holding only the edited workbook will do.
     */
    public static TableSource shippedWith(Path folder) {
        TableSource shipped = fromPattern(new PathMatchingResourcePatternResolver(), SHIPPED);
        if (folder == null) {
            return shipped;
        }
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("There is no folder " + folder + ".");
        }
        return shipped.replacing(fromFolder(folder).workbooks());
    }

    public static TableSource fromPattern(ResourcePatternResolver resolver, String pattern) {
        try {
            List<WorkbookFile> files = new ArrayList<>();
            for (Resource resource : resolver.getResources(pattern)) {
                if (isLockFile(resource.getFilename())) {
                    continue;
                }
                try (InputStream in = resource.getInputStream()) {
                    files.add(new WorkbookFile(resource.getFilename(), in.readNBytes(WorkbookReader.MAX_WORKBOOK_BYTES + 1)));
                }
            }
            if (files.isEmpty()) {
                throw new IllegalStateException("No decision-table workbooks found at " + pattern);
            }
            return new TableSource(files);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the decision-table workbooks at " + pattern, e);
        }
    }

    /** Excel leaves "~$name.xlsx" beside a workbook it has open; it is not a workbook. */
    private static boolean isLockFile(String name) {
        return name == null || name.startsWith("~$");
    }

    public static TableSource fromFolder(Path folder) {
        try (Stream<Path> paths = Files.list(folder)) {
            List<WorkbookFile> files = new ArrayList<>();
            for (Path path : paths.filter(p -> p.getFileName().toString().endsWith(".xlsx") && !isLockFile(p.getFileName().toString()))
                    .sorted().toList()) {
                try (InputStream in = Files.newInputStream(path)) {
                    // one byte over the limit is enough for the reader to refuse it by name
                    files.add(new WorkbookFile(path.getFileName().toString(), in.readNBytes(WorkbookReader.MAX_WORKBOOK_BYTES + 1)));
                }
            }
            if (files.isEmpty()) {
                throw new IllegalStateException("No .xlsx workbooks in " + folder);
            }
            return new TableSource(files);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the decision-table workbooks in " + folder + ": " + e, e);
        }
    }
}
