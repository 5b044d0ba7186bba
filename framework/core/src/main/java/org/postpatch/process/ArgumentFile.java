package org.postpatch.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The java launcher's {@code @argfiles} (and {@code JDK_JAVA_OPTIONS}): arguments separated by
 * white space, quoted with {@code "} or {@code '} when they contain some, {@code #} starting a
 * comment line. Build tools write long class paths this way.
 */
final class ArgumentFile {

    private ArgumentFile() {
    }

    /** The arguments in a file; none when it cannot be read (the launcher would have failed to start). */
    static List<String> read(Path file) {
        try {
            return split(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException unreadable) {
            return List.of();
        }
    }

    static List<String> split(String text) {
        List<String> arguments = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inArgument = false;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && i + 1 < text.length()) {
                    current.append(text.charAt(++i));
                } else {
                    current.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inArgument = true;
            } else if (c == '#' && !inArgument) {
                while (i + 1 < text.length() && text.charAt(i + 1) != '\n') {
                    i++;
                }
            } else if (Character.isWhitespace(c)) {
                if (inArgument) {
                    arguments.add(current.toString());
                    current.setLength(0);
                    inArgument = false;
                }
            } else {
                current.append(c);
                inArgument = true;
            }
        }
        if (inArgument) {
            arguments.add(current.toString());
        }
        return arguments;
    }
}
