package com.channelrouter.replay;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A case file's text, refused rather than repaired where it is not UTF-8: a CSV saved by Excel as GBK or ANSI
 * would otherwise be read with replacement characters and its cases compared as garbage. Knows the line
 * of the first byte that is not UTF-8, so QA can find it.
 */
final class Utf8Text extends Reader {

    /** The text is not UTF-8 from this line on. */
    static final class NotUtf8 extends IOException {
        final long line;

        NotUtf8(long line) {
            super("line " + line + " is not UTF-8 text");
            this.line = line;
        }
    }

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(8192).flip();
    private final CharBuffer chars = CharBuffer.allocate(8192).flip();
    /** The line of the next character decoded. */
    private long line = 1;
    private boolean ended;
    /** The last character decoded was a CR (kept across buffers, where a CR LF may be split). */
    private boolean afterCarriageReturn;
    /** Met while decoding; thrown once the text before it has been read, so that its cases are still replayed. */
    private NotUtf8 notUtf8;

    Utf8Text(InputStream in) {
        this.in = in;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (!chars.hasRemaining()) {
            if (!decodeMore()) {
                return -1;
            }
        }
        int n = Math.min(length, chars.remaining());
        chars.get(buffer, offset, n);
        return n;
    }

    private boolean decodeMore() throws IOException {
        if (notUtf8 != null) {
            throw notUtf8;
        }
        if (ended && !bytes.hasRemaining()) {
            return false;
        }
        if (!ended) {
            bytes.compact();
            int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (read < 0) {
                ended = true;
            } else {
                bytes.position(bytes.position() + read);
            }
            bytes.flip();
        }
        chars.clear();
        CoderResult result = decoder.decode(bytes, chars, ended);
        chars.flip();
        for (int i = chars.position(); i < chars.limit(); i++) {
            // a line ends at CR LF, LF or a lone CR (old Mac files): CR LF counts once, at its CR
            char c = chars.get(i);
            if (c == '\r' || (c == '\n' && !afterCarriageReturn)) {
                line++;
            }
            afterCarriageReturn = c == '\r';
        }
        if (result.isError()) {
            notUtf8 = new NotUtf8(line);
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
