package com.channelrouter.routing;

import com.channelrouter.web.InvalidRequestException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads newline-delimited JSON one line at a time, holding at most one line (of at most
 * {@code maxLineBytes}) in memory, however long the stream: a batch of millions of lines is never read whole.
 */
final class NdjsonLines {

    /** One line: its number (from 1), its text, or null text when it was longer than allowed. */
    record Line(long number, String text) {
        boolean tooLong() {
            return text == null;
        }
    }

    /**
     * A line this much longer than allowed is not skipped to its end: the body is not NDJSON (a small gzip can
     * unpack to gigabytes without a newline, read on while nothing is answered).
     */
    static final int SKIPPED_AT_MOST_TIMES_THE_LIMIT = 256;

    private final InputStream in;
    private final int maxLineBytes;
    private final ByteArrayOutputStream current = new ByteArrayOutputStream(1024);
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private long number;

    NdjsonLines(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** The next line, or null at the end of the stream. A final line without a newline counts. */
    Line next() {
        current.reset();
        boolean tooLong = false;
        boolean sawAny = false;
        long lineBytes = 0;
        while (true) {
            if (position == limit) {
                limit = read();
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return sawAny ? finish(tooLong) : null;
                }
            }
            sawAny = true;
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            lineBytes += position - start;
            if (!tooLong) {
                current.write(buffer, start, position - start);
                tooLong = current.size() > maxLineBytes;
            } else if (lineBytes > (long) maxLineBytes * SKIPPED_AT_MOST_TIMES_THE_LIMIT) {
                throw InvalidRequestException.of("body", "line " + (number + 1) + " is longer than "
                        + (long) maxLineBytes * SKIPPED_AT_MOST_TIMES_THE_LIMIT / (1024 * 1024) + " MB; a batch holds one routing "
                        + "request per line");
            }
            if (position < limit) {
                position++; // the newline
                return finish(tooLong);
            }
        }
    }

    /** The next bytes; a body that cannot be read (gzip that is not, say) is bad input, said as such. */
    private int read() {
        try {
            return in.read(buffer);
        } catch (IOException unreadable) {
            throw InvalidRequestException.of("body", "could not be read after line " + number + ": " + unreadable.getMessage());
        }
    }

    private Line finish(boolean tooLong) {
        number++;
        if (tooLong) {
            return new Line(number, null);
        }
        String text = current.toString(StandardCharsets.UTF_8);
        return new Line(number, text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
    }
}
