package org.postpatch.config;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Decodes a probe file as strict UTF-8. A lenient decoder would turn a byte that is not UTF-8 into
 * U+FFFD without a word, and a command or a request would silently get {@code caf\uFFFD} instead of
 * what the author meant; here the file is refused at the first such byte, with its line and column.
 */
final class Utf8Text {

    private Utf8Text() {
    }

    /** The text of the file, or empty after recording where its first invalid byte is. */
    static Optional<String> decode(String name, byte[] content, Problems problems) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content);
        CharBuffer out = CharBuffer.allocate(content.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            decoder.flush(out);
            return Optional.of(out.flip().toString());
        }
        int offset = in.position();
        problems.add(where(name, out.flip()), String.format(Locale.ROOT,
                "not valid UTF-8: byte 0x%02X (at byte offset %d) is not part of a UTF-8 character;"
                        + " probe files must be saved as UTF-8", content[offset] & 0xFF, offset));
        return Optional.empty();
    }

    /** The line and column (in characters) just after the text decoded so far. */
    private static SourceLocation where(String name, CharSequence before) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < before.length(); i++) {
            if (before.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column = Character.codePointCount(before, lineStart, before.length()) + 1;
        return new SourceLocation(name, line, column);
    }
}
