package org.postpatch.probes.system.command;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.postpatch.config.TextPart;

/**
 * A shell line whose {@code ${...}} values can never become shell syntax. Each value is handed to
 * the shell in an environment variable ({@code POSTPATCH_VALUE_1}, ...), and the line refers to it,
 * quoted for where the reference stands: {@code "${POSTPATCH_VALUE_1}"} outside quotes,
 * {@code ${POSTPATCH_VALUE_1}} inside the author's double quotes, {@code '"${POSTPATCH_VALUE_1}"'}
 * inside the author's single quotes. The shell substitutes a variable's value as data, never parsing
 * it again, so a value holding {@code ; $( ) ` ' "} or a newline stays text in every context — even
 * where this scan of the author's quotes could be wrong (a here-document, a {@code case} inside
 * {@code $(...)}), the worst outcome is a value split into words, never a command run.
 *
 * <p>For messages the line is shown as an operator would type it, each value POSIX-quoted in place.
 *
 * @param script      the line given to the shell
 * @param environment the values, by variable name
 * @param shown       the line as shown in messages
 */
record ShellLine(String script, Map<String, String> environment, String shown) {

    /** The prefix of the variables that carry values; reserved in a shell command's environment. */
    static final String VARIABLE_PREFIX = "POSTPATCH_VALUE_";

    private enum Quote { NONE, SINGLE, DOUBLE }

    /** A nesting level of the line: the whole line, a {@code $(...)} or a {@code `...`}. */
    private static final class Level {
        final char closer;
        Quote quote = Quote.NONE;
        int parentheses;

        Level(char closer) {
            this.closer = closer;
        }
    }

    /** The line for these parts of a resolved {@code run} string. */
    static ShellLine of(List<TextPart> parts) {
        StringBuilder script = new StringBuilder();
        StringBuilder shown = new StringBuilder();
        Map<String, String> environment = new LinkedHashMap<>();
        Deque<Level> levels = new ArrayDeque<>();
        levels.push(new Level('\0'));
        for (TextPart part : parts) {
            if (!part.value()) {
                scan(part.text(), levels);
                script.append(part.text());
                shown.append(part.text());
                continue;
            }
            String name = VARIABLE_PREFIX + (environment.size() + 1);
            environment.put(name, part.text());
            String reference = "${" + name + "}";
            switch (levels.peek().quote) {
                case SINGLE -> {
                    script.append("'\"").append(reference).append("\"'");
                    shown.append(part.text().replace("'", "'\\''"));
                }
                case DOUBLE -> {
                    script.append(reference);
                    shown.append(part.text().replaceAll("([\\\\\"$`])", "\\\\$1"));
                }
                default -> {
                    script.append('"').append(reference).append('"');
                    shown.append('\'').append(part.text().replace("'", "'\\''")).append('\'');
                }
            }
        }
        return new ShellLine(script.toString(), environment, shown.toString());
    }

    /** Follows the author's quotes, escapes and nested {@code $(...)} and {@code `...`} through written text. */
    private static void scan(String text, Deque<Level> levels) {
        boolean escaped = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            Level level = levels.peek();
            if (escaped) {
                escaped = false;
            } else if (level.quote == Quote.SINGLE) {
                level.quote = c == '\'' ? Quote.NONE : Quote.SINGLE;
            } else if (c == '\\') {
                escaped = true;
            } else if (level.quote == Quote.DOUBLE && c == '"') {
                level.quote = Quote.NONE;
            } else if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '(') {
                levels.push(new Level(')'));
                i++;
            } else if (c == '`') {
                if (level.closer == '`') {
                    levels.pop();
                } else {
                    levels.push(new Level('`'));
                }
            } else if (level.quote == Quote.NONE) {
                scanUnquoted(c, level, levels);
            }
        }
    }

    private static void scanUnquoted(char c, Level level, Deque<Level> levels) {
        switch (c) {
            case '\'' -> level.quote = Quote.SINGLE;
            case '"' -> level.quote = Quote.DOUBLE;
            case '(' -> level.parentheses++;
            case ')' -> {
                if (level.parentheses > 0) {
                    level.parentheses--;
                } else if (level.closer == ')' && levels.size() > 1) {
                    levels.pop();
                }
            }
            default -> { }
        }
    }
}
