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
        return startsInEnglish(header) || startsInChinese(header);
    }

    /**
     * The name a header cell gives this column, for problems to point at: the English one where the header starts
     * with it ("Owner channel 归属渠道"), the Chinese one where the sheet is headed in Chinese alone ("归属渠道"), so
     * that the name is one the owner can find in the sheet.
     */
    String nameIn(String header) {
        return startsInEnglish(header) || !startsInChinese(header) ? english : chinese;
    }

    private boolean startsInEnglish(String header) {
        String lower = oneLine(header).toLowerCase(Locale.ROOT);
        String name = english.toLowerCase(Locale.ROOT);
        return lower.startsWith(name) && (lower.length() == name.length() || !isWordCharacter(lower.charAt(name.length())));
    }

    private boolean startsInChinese(String header) {
        String text = oneLine(header);
        return text.equals(chinese) || text.startsWith(chinese + " ") || text.startsWith(chinese + "(")
                || text.startsWith(chinese + "（");
    }

    private static String oneLine(String header) {
        return header.strip().replaceAll("\\s+", " ");
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
