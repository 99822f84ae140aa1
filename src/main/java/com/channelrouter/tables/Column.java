package com.channelrouter.tables;

import java.util.Locale;

/**
 * A column the service understands, known by its English header (which a Chinese translation may
 * follow, e.g. "Owner channel 归属渠道") or by its Chinese header alone.
 */
record Column(String english, String chinese) {

    static final Column RULE = new Column("Rule", "规则");
    static final Column NOTES = new Column("Notes", "说明");

    /** Whether a header cell names this column: the English name as a whole word at its start, or the Chinese one. */
    boolean matches(String header) {
        String text = header.strip().replaceAll("\\s+", " ");
        String lower = text.toLowerCase(Locale.ROOT);
        String name = english.toLowerCase(Locale.ROOT);
        if (lower.startsWith(name)) {
            return lower.length() == name.length() || !isWordCharacter(lower.charAt(name.length()));
        }
        return text.equals(chinese) || text.startsWith(chinese + " ") || text.startsWith(chinese + "(")
                || text.startsWith(chinese + "（");
    }

    private static boolean isWordCharacter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    /** The header as business owners see it in messages. */
    @Override
    public String toString() {
        return english;
    }
}
