package com.channelrouter.replay;

import org.apache.commons.text.StringEscapeUtils;
import tools.jackson.databind.json.JsonMapper;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes a replay report three ways: JSON for tools, JUnit XML so any CI shows the cases, and a
 * self-contained HTML page a person opens, failures first.
 */
public final class ReportFiles {

    static final String JSON = "replay-report.json";
    static final String JUNIT = "TEST-replay.xml";
    static final String HTML = "replay-report.html";
    /** Passed cases listed on the page; beyond this the page says how many more passed. */
    private static final int PASSED_LISTED = 2_000;

    private ReportFiles() {
    }

    public static void write(ReplayReport report, Path directory, JsonMapper json) {
        try {
            Files.createDirectories(directory);
            try (OutputStream out = Files.newOutputStream(directory.resolve(JSON))) {
                json.writerWithDefaultPrettyPrinter().writeValue(out, report);
            }
            try (OutputStream out = Files.newOutputStream(directory.resolve(JUNIT))) {
                junit(report, out);
            }
            try (Writer out = Files.newBufferedWriter(directory.resolve(HTML), StandardCharsets.UTF_8)) {
                out.write(html(report));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the replay report to " + directory, e);
        }
    }

    static void junit(ReplayReport report, OutputStream out) {
        try {
            XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", "replay (tables " + report.tableVersion() + ")");
            xml.writeAttribute("tests", Integer.toString(report.passed() + report.failed()));
            xml.writeAttribute("failures", Integer.toString(report.failed()));
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("time", String.format(java.util.Locale.ROOT, "%.3f", report.millis() / 1000.0));
            for (ReplayReport.CaseResult result : report.results()) {
                xml.writeStartElement("testcase");
                xml.writeAttribute("name", result.name());
                xml.writeAttribute("classname", "replay." + fileOf(result.where()));
                if (!result.passed()) {
                    xml.writeStartElement("failure");
                    xml.writeAttribute("message", differences(result));
                    xml.writeCharacters(result.where() + "\n" + differences(result).replace("; ", "\n"));
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            }
            for (CaseFiles.Problem problem : report.problems()) {
                if (problem.blocking()) {
                    xml.writeStartElement("testcase");
                    xml.writeAttribute("name", problem.where());
                    xml.writeAttribute("classname", "replay." + fileOf(problem.where()));
                    xml.writeStartElement("failure");
                    xml.writeAttribute("message", problem.message());
                    xml.writeCharacters(problem.where() + ": " + problem.message());
                    xml.writeEndElement();
                    xml.writeEndElement();
                }
            }
            warnings(report, xml);
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write JUnit XML", e);
        }
    }

    /** The files' warnings as the suite's output, which CI shows with the results (they fail nothing). */
    private static void warnings(ReplayReport report, XMLStreamWriter xml) throws XMLStreamException {
        String warnings = report.problems().stream().filter(p -> !p.blocking())
                .map(p -> "WARNING " + p.where() + ": " + p.message()).collect(Collectors.joining("\n"));
        if (!warnings.isEmpty()) {
            xml.writeStartElement("system-out");
            xml.writeCharacters(warnings + "\n");
            xml.writeEndElement();
        }
    }

    static String html(ReplayReport report) {
        StringBuilder page = new StringBuilder(4096);
        page.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Replay: ")
                .append(report.passed()).append(" passed, ").append(report.failed()).append(" failed</title><style>")
                .append("body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222}h1{font-size:1.4em}")
                .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}")
                .append(".fail{background:#fde8e8}.pass{background:#e8f6e8}.none{background:#fff3cd}code{font-size:.95em}")
                .append("</style></head><body>");
        page.append("<h1>").append(report.failed() == 0 ? "&#10004; " : "&#10008; ").append(report.passed()).append(" passed, ")
                .append(report.failed()).append(" failed</h1><p>Decision tables ").append(esc(report.tableVersion()))
                .append(", run at ").append(report.ranAt()).append(" in ").append(report.millis()).append(" ms.</p>");
        List<ReplayReport.CaseResult> failures = report.results().stream().filter(r -> !r.passed()).toList();
        if (!failures.isEmpty() || report.problems().stream().anyMatch(CaseFiles.Problem::blocking)) {
            page.append("<h2>Failures</h2><table><tr><th>case</th><th>where</th><th>expected and actual</th></tr>");
            for (ReplayReport.CaseResult failure : failures) {
                page.append("<tr class=\"fail\"><td>").append(esc(failure.name())).append("</td><td><code>").append(esc(failure.where()))
                        .append("</code></td><td>").append(failure.differences().stream().map(d -> "<b>" + esc(d.field())
                                + "</b>: expected <code>" + esc(d.expected()) + "</code>, was <code>" + esc(d.actual()) + "</code>")
                        .collect(Collectors.joining("<br>"))).append("</td></tr>");
            }
            for (CaseFiles.Problem problem : report.problems()) {
                if (problem.blocking()) {
                    page.append("<tr class=\"fail\"><td>(not a case)</td><td><code>").append(esc(problem.where()))
                            .append("</code></td><td>").append(esc(problem.message())).append("</td></tr>");
                }
            }
            page.append("</table>");
        }
        List<CaseFiles.Problem> warnings = report.problems().stream().filter(p -> !p.blocking()).toList();
        if (!warnings.isEmpty()) {
            page.append("<h2>Warnings</h2><ul>");
            warnings.forEach(w -> page.append("<li><code>").append(esc(w.where())).append("</code>: ").append(esc(w.message())).append("</li>"));
            page.append("</ul>");
        }
        page.append("<h2>Rule coverage</h2><table><tr><th>sheet</th><th>rule: cases</th><th>no case reached</th></tr>");
        for (ReplayReport.TableCoverage table : report.coverage()) {
            page.append("<tr><td>").append(esc(table.sheet())).append("</td><td>");
            for (Map.Entry<String, Integer> hit : table.hits().entrySet()) {
                page.append("<span class=\"").append(hit.getValue() == 0 ? "none" : "pass").append("\">").append(esc(hit.getKey()))
                        .append(": ").append(hit.getValue()).append("</span> ");
            }
            page.append("</td><td>").append(table.unreached().isEmpty() ? "&ndash;" : "<b>" + esc(String.join(", ", table.unreached())) + "</b>")
                    .append("</td></tr>");
        }
        page.append("</table>");
        List<ReplayReport.CaseResult> passed = report.results().stream().filter(ReplayReport.CaseResult::passed)
                .sorted(Comparator.comparing(ReplayReport.CaseResult::where)).toList();
        page.append("<details><summary>").append(passed.size()).append(" passed cases</summary><table><tr><th>case</th><th>where</th>")
                .append("<th>status</th><th>routing</th><th>SLA</th></tr>");
        passed.stream().limit(PASSED_LISTED).forEach(p -> page.append("<tr class=\"pass\"><td>").append(esc(p.name()))
                .append("</td><td><code>").append(esc(p.where())).append("</code></td><td>").append(p.status()).append("</td><td>")
                .append(esc(String.valueOf(p.routingRule()))).append("</td><td>").append(esc(String.valueOf(p.slaRule())))
                .append("</td></tr>"));
        page.append("</table>");
        if (passed.size() > PASSED_LISTED) {
            page.append("<p>… and ").append(passed.size() - PASSED_LISTED).append(" more (all in ").append(JSON).append(").</p>");
        }
        return page.append("</details></body></html>\n").toString();
    }

    static String differences(ReplayReport.CaseResult result) {
        return result.differences().stream().map(Expectations.Difference::toString).collect(Collectors.joining("; "));
    }

    private static String fileOf(String where) {
        int end = where.indexOf(':');
        int bang = where.indexOf('!');
        int cut = end < 0 ? bang : bang < 0 ? end : Math.min(end, bang);
        return cut < 0 ? where : where.substring(0, cut);
    }

    private static String esc(String text) {
        return StringEscapeUtils.escapeHtml4(text == null ? "" : text);
    }
}
