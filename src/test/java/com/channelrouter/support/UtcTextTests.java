package com.channelrouter.support;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written forms are exactly the JDK's, wherever an instant may fall. */
class UtcTextTests {

    static final DateTimeFormatter DATETIME_6 = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");

    @Test
    void writesWhatTheJdkWrites() {
        SplittableRandom random = new SplittableRandom(6);
        Instant from = Instant.parse("0001-01-01T00:00:00Z");
        Instant to = Instant.parse("+12000-01-01T00:00:00Z");
        for (int i = 0; i < 200_000; i++) {
            long second = random.nextLong(from.getEpochSecond(), to.getEpochSecond());
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(i % 3 == 0 ? second % (400L * 365 * 86_400) + 946_684_800L : second, nano);
            assertThat(UtcText.iso(instant)).isEqualTo(instant.toString());
            assertThat(UtcText.datetime6(instant)).isEqualTo(DATETIME_6.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC)));
        }
    }

    @Test
    void readsWhatTheJdkReadsAndLeavesTheRestToIt() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            String text = String.format(Locale.ROOT, "%04d-%02d-%02dT%02d:%02d:%02dZ", random.nextInt(10_000), random.nextInt(14),
                    random.nextInt(33), random.nextInt(26), random.nextInt(61), random.nextInt(62));
            Instant jdk;
            try {
                jdk = OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                jdk = null;
            }
            assertThat(UtcText.parseIso(text)).as(text).isEqualTo(jdk);
        }
        for (String other : new String[] {"2026-11-20T03:15:00+08:00", "2026-11-20t03:15:00z", "2026-11-20T03:15:00.5Z",
                "2026-11-20T03:15Z", "+2026-11-20T03:15:00Z", "2026-1１-20T03:15:00Z", "２026-11-20T03:15:00Z", "-026-11-20T03:15:00Z"}) {
            assertThat(UtcText.parseIso(other)).as(other).isNull();
        }
    }

    @Test
    void writesTheEdgesOfDaysAndYears() {
        for (String text : new String[] {"2026-11-20T03:15:00Z", "2000-01-01T00:00:00Z", "2199-12-31T23:59:59Z",
                "2024-02-29T12:00:00Z", "1000-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "0999-12-31T23:59:59Z", "+10000-01-01T00:00:00Z",
                "2026-11-20T03:15:00.000001Z", "2026-11-20T03:15:00.999999999Z"}) {
            Instant instant = Instant.parse(text);
            assertThat(UtcText.iso(instant)).isEqualTo(instant.toString());
            assertThat(UtcText.datetime6(instant)).isEqualTo(DATETIME_6.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC)));
        }
        assertThat(UtcText.datetime6(Instant.parse("2026-11-20T03:15:00.123456789Z"))).isEqualTo("2026-11-20 03:15:00.123456");
        assertThat(UtcText.iso(Instant.MAX)).isEqualTo(Instant.MAX.toString());
        assertThat(UtcText.iso(Instant.MIN)).isEqualTo(Instant.MIN.toString());
    }
}
