package com.channelrouter.support;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Instants as UTC text, written and read by hand: every stored item writes a dozen of them (its deadlines,
 * its escalation plan's due times), and DateTimeFormatter was a twentieth of a batch's storage work. Years
 * outside 1000–9999, and fractions of a second where the form has none, go to the JDK's own formatting.
 */
public final class UtcText {

    private static final DateTimeFormatter DATETIME_6 = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");
    /** 1000-01-01T00:00:00Z and 9999-12-31T23:59:59Z: the years written here with four digits. */
    private static final long FIRST_SECOND = -30_610_224_000L;
    private static final long LAST_SECOND = 253_402_300_799L;

    private UtcText() {
    }

    private static boolean fourDigitYear(Instant instant) {
        return instant.getEpochSecond() >= FIRST_SECOND && instant.getEpochSecond() <= LAST_SECOND;
    }

    /** As {@link Instant#toString()}: {@code 2026-11-20T03:15:00Z}. */
    public static String iso(Instant instant) {
        if (instant.getNano() != 0 || !fourDigitYear(instant)) {
            return instant.toString();
        }
        char[] text = new char[20];
        dateAndTime(LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC), text, 'T');
        text[19] = 'Z';
        return new String(text);
    }

    /**
     * As a DATETIME(6) literal in UTC: {@code 2026-11-20 03:15:00.000000}. Instants are bound as this text
     * ({@link UtcInstantTypeHandler} says why).
     */
    public static String datetime6(Instant instant) {
        if (!fourDigitYear(instant)) {
            return DATETIME_6.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
        }
        char[] text = new char[26];
        dateAndTime(LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC), text, ' ');
        text[19] = '.';
        digits(text, 20, 6, instant.getNano() / 1000);
        return new String(text);
    }

    /**
     * {@code uuuu-MM-ddTHH:mm:ssZ}, the form channels send, read by hand; null for any other form, and for a date
     * or time that does not exist, which are left to the JDK's parser to read or refuse.
     */
    public static Instant parseIso(CharSequence text) {
        if (text.length() != 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(19) != 'Z') {
            return null;
        }
        int year = number(text, 0, 4);
        int month = number(text, 5, 2);
        int day = number(text, 8, 2);
        int hour = number(text, 11, 2);
        int minute = number(text, 14, 2);
        int second = number(text, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException noSuchTime) {
            return null;
        }
    }

    /** The ASCII digits at {@code at} as a number, or -1 if any is not one. */
    private static int number(CharSequence text, int at, int width) {
        int value = 0;
        for (int i = at; i < at + width; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** {@code uuuu-MM-dd?HH:mm:ss} into the first 19 characters. */
    private static void dateAndTime(LocalDateTime time, char[] text, char between) {
        digits(text, 0, 4, time.getYear());
        text[4] = '-';
        digits(text, 5, 2, time.getMonthValue());
        text[7] = '-';
        digits(text, 8, 2, time.getDayOfMonth());
        text[10] = between;
        digits(text, 11, 2, time.getHour());
        text[13] = ':';
        digits(text, 14, 2, time.getMinute());
        text[16] = ':';
        digits(text, 17, 2, time.getSecond());
    }

    private static void digits(char[] text, int at, int width, int value) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
