package com.channelrouter.tables;

import com.github.pjfanning.xlsx.StreamingReader;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.ss.usermodel.Workbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * What an uploaded .xlsx package may hold, checked before a sheet is read, and how its sheets are then opened.
 * Its size unpacked: POI unpacks every part into memory, and a 5 MB file of well-compressed junk parts held half
 * a gigabyte. And nothing that runs or reaches outside the file, judged by the content and relationship types
 * that Excel itself goes by, since part names can be anything: macros (VBA, Excel 4 macro sheets, dialog
 * sheets), links to other workbooks, OLE objects and embedded packages, ActiveX controls, data connections and
 * query tables, web add-ins, and any relationship to something outside the file other than a cell's hyperlink
 * (which the service never reads).
 */
public final class WorkbookPackage {

    /** A decision-table workbook has a few dozen parts; one of 30 sheets, each with its comments, a few hundred. */
    static final int MAX_PARTS = 1_000;
    /** Unpacked: 20,000 rows of 60 columns in several sheets fit well within it. */
    static final long MAX_UNPACKED_BYTES = 100L * 1024 * 1024;

    private static final Pattern MACRO_PART = Pattern.compile("/xl/vbaProject\\.bin", Pattern.CASE_INSENSITIVE);
    private static final Pattern MACRO_CONTENT = Pattern.compile("vbaProject|macroEnabled|macrosheet|dialogsheet", Pattern.CASE_INSENSITIVE);
    private static final Pattern MACRO_RELATIONSHIP = Pattern.compile("/(vbaProject|xlMacrosheet|xlIntlMacrosheet|dialogsheet)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FOREIGN_PART = Pattern.compile("/xl/(externalLinks|embeddings|activeX)/.*", Pattern.CASE_INSENSITIVE);
    private static final Pattern FOREIGN_CONTENT = Pattern.compile("externalLink|oleObject|activeX|connections|queryTable|webextension",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FOREIGN_RELATIONSHIP = Pattern.compile("/(externalLink|externalLinkPath|oleObject|package|control"
            + "|activeXControlBinary|attachedTemplate|connections|queryTable|webextension|webextensiontaskpanes)$", Pattern.CASE_INSENSITIVE);
    /** A cell's hyperlink, in transitional or strict Open XML. */
    private static final Pattern HYPERLINK = Pattern.compile("/relationships/hyperlink$");

    enum Verdict { ACCEPTED, TOO_LARGE, MACROS, FOREIGN }

    private WorkbookPackage() {
    }

    /** TOO_LARGE if the zip holds more parts or more bytes unpacked than a workbook may; read as a stream, holding nothing. */
    static Verdict size(byte[] content) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        int parts = 0;
        long unpacked = 0;
        // commons-compress, as POI reads it: java.util.zip refuses the sizes some writers (POI's SXSSF) leave in headers
        try (ZipArchiveInputStream zip = new ZipArchiveInputStream(new ByteArrayInputStream(content), "UTF-8", true, true)) {
            for (ZipArchiveEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (++parts > MAX_PARTS) {
                    return Verdict.TOO_LARGE;
                }
                for (int read = zip.read(buffer); read > 0; read = zip.read(buffer)) {
                    unpacked += read;
                    if (unpacked > MAX_UNPACKED_BYTES) {
                        return Verdict.TOO_LARGE;
                    }
                }
            }
        }
        return Verdict.ACCEPTED;
    }

    /**
     * Opens a workbook's sheets to be read as a stream of rows, in memory (no temporary files of uploaded content),
     * with the styles that tell dates from numbers and nothing else: no comments, links, shapes or document
     * properties. For untrusted files, after {@link #size} accepted them.
     */
    public static Workbook openAsStream(byte[] content) {
        WorkbookReader.applyZipLimits();
        return StreamingReader.builder().rowCacheSize(200).bufferSize(8192).setAvoidTempFiles(true).setReadStyles(true)
                .setReadComments(false).setReadHyperlinks(false).setReadShapes(false).setReadCoreProperties(false)
                .open(new ByteArrayInputStream(content));
    }

    /**
     * Whether an .xlsx file unpacks within the limits of a workbook (parts and bytes), read as a stream holding
     * nothing: for other readers of uploaded workbooks (QA's case workbooks) before they open one.
     */
    public static boolean unpacksWithinLimits(byte[] content) throws IOException {
        return size(content) == Verdict.ACCEPTED;
    }

    /** MACROS or FOREIGN if any part or relationship is of a kind that runs or reaches outside the workbook. */
    static Verdict content(OPCPackage pkg) throws InvalidFormatException {
        if (!pkg.getPartsByName(MACRO_PART).isEmpty()) {
            return Verdict.MACROS;
        }
        boolean foreign = !pkg.getPartsByName(FOREIGN_PART).isEmpty();
        for (PackageRelationship relationship : pkg.getRelationships()) {
            foreign |= reachesOutside(relationship);
        }
        for (PackagePart part : pkg.getParts()) {
            if (MACRO_CONTENT.matcher(part.getContentType()).find()) {
                return Verdict.MACROS;
            }
            foreign |= FOREIGN_CONTENT.matcher(part.getContentType()).find();
            if (!part.isRelationshipPart()) {
                for (PackageRelationship relationship : part.getRelationships()) {
                    if (MACRO_RELATIONSHIP.matcher(relationship.getRelationshipType()).find()) {
                        return Verdict.MACROS;
                    }
                    foreign |= reachesOutside(relationship);
                }
            }
        }
        return foreign ? Verdict.FOREIGN : Verdict.ACCEPTED;
    }

    private static boolean reachesOutside(PackageRelationship relationship) {
        return FOREIGN_RELATIONSHIP.matcher(relationship.getRelationshipType()).find()
                || relationship.getTargetMode() == TargetMode.EXTERNAL && !HYPERLINK.matcher(relationship.getRelationshipType()).find();
    }
}
