package com.channelrouter.tables;

import com.channelrouter.engine.CompiledRules;
import com.channelrouter.sla.BusinessCalendar;

import java.util.List;

/**
 * One decision-table version, ready to serve: the workbooks it came from, its product catalogue and
 * business calendar, its compiled rules, and the test cases kept in its workbooks' Tests sheets (one per
 * workbook at most, each owner's beside their own tables). Immutable, so a
 * request that took it sees one version.
 */
public record DecisionTables(String version, TableSource source, ProductCatalogue products,
                             BusinessCalendar calendar, CompiledRules rules, List<WorkbookTests> tests) {
}
