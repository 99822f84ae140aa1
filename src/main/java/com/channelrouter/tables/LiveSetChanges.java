package com.channelrouter.tables;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What was published since a candidate was uploaded, workbook by workbook. An upload replaces one workbook of
 * the live set as it was then; the stored candidate carries every other workbook as it was then too, so
 * publishing it as stored would undo what other owners published meanwhile.
 *
 * @param changedSince        the workbooks that differ between the set the candidate was built on and the live set
 * @param uploadedFileChanged whether the uploaded workbook itself was replaced since by another one: a change of
 *                            someone else's that publishing this candidate would overwrite
 */
record LiveSetChanges(Set<String> changedSince, boolean uploadedFileChanged) {

    static LiveSetChanges between(List<WorkbookFile> basedOn, List<WorkbookFile> live, WorkbookFile uploaded) {
        Map<String, byte[]> before = byName(basedOn);
        Map<String, byte[]> now = byName(live);
        Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        names.addAll(now.keySet());
        names.addAll(before.keySet());
        Set<String> changed = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        names.stream().filter(name -> !Arrays.equals(before.get(name), now.get(name))).forEach(changed::add);
        boolean uploadedChanged = changed.contains(uploaded.name()) && !Arrays.equals(now.get(uploaded.name()), uploaded.content());
        return new LiveSetChanges(Collections.unmodifiableSet(changed), uploadedChanged);
    }

    boolean none() {
        return changedSince.isEmpty();
    }

    /** Workbook names compare as {@link TableSource#replacing} does: without regard to case. */
    private static Map<String, byte[]> byName(List<WorkbookFile> workbooks) {
        Map<String, byte[]> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        workbooks.forEach(workbook -> byName.put(workbook.name(), workbook.content()));
        return byName;
    }
}
