package com.channelrouter.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule template from {@code rules/} with {@code ${name}} placeholders. Every value must match the
 * shape its placeholder allows; anything else is a programming error and fails loudly, so no text can
 * smuggle code into a rule even if a sheet parser let it through.
 */
final class DrlTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-zA-Z]+)}");

    /** A literal a constraint may compare with: an enum constant, a yes/no, or a quoted catalogue code. */
    private static final String LITERAL = "(?:[A-Z][A-Za-z]*\\.[A-Z][A-Z0-9_]*|true|false|\"[A-Z][A-Z0-9_]*\")";
    /** One constraint: a bean property, then == and a literal, or in and a list of literals. */
    private static final String CONSTRAINT = "[a-z][A-Za-z]* (?:== " + LITERAL + "|in \\(" + LITERAL + "(?:, " + LITERAL + ")*\\))";

    /** Allowed shapes: no quotes in names, constraints only of the grammar above, no statement or comment characters. */
    private static final Map<String, Pattern> SHAPES = Map.of(
            "version", Pattern.compile("[A-Za-z0-9._-]{1,64}"),
            "location", Pattern.compile("[A-Za-z0-9 ._()-]{1,120}"),
            "outcome", Pattern.compile("(?: then [A-Za-z0-9 ,%_]{1,1000})?"),
            "ruleName", Pattern.compile("[A-Za-z0-9 ._()-]{1,120}"),
            "salience", Pattern.compile("-?[0-9]{1,9}"),
            "index", Pattern.compile("[0-9]{1,9}"),
            "constraint", Pattern.compile(CONSTRAINT),
            "constraints", Pattern.compile("(?:" + CONSTRAINT + "(?:, " + CONSTRAINT + ")*)?"));

    private final String name;
    private final String text;

    private DrlTemplate(String name, String text) {
        this.name = name;
        this.text = text;
    }

    static DrlTemplate load(String name) {
        String path = "rules/" + name;
        try (InputStream in = DrlTemplate.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("rule template missing from the classpath: " + path);
            }
            return new DrlTemplate(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rule template " + path, e);
        }
    }

    String render(Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 128);
        while (m.find()) {
            String key = m.group(1);
            String value = values.get(key);
            if (value == null) {
                throw new IllegalArgumentException(name + ": no value for ${" + key + "}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(requireShape(name, key, value)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * The value, if it has the shape allowed for {@code key}; for text that reaches Drools other than through
     * a template (the rule descriptors), so it is held to the same shapes.
     */
    static String requireShape(String where, String key, String value) {
        Pattern shape = SHAPES.get(key);
        if (shape == null) {
            throw new IllegalArgumentException(where + ": no allowed shape for ${" + key + "}");
        }
        if (!shape.matcher(value).matches()) {
            throw new IllegalArgumentException(where + ": value for ${" + key + "} has a forbidden shape: " + value);
        }
        return value;
    }
}
