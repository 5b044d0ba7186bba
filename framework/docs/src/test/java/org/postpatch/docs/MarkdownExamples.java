package org.postpatch.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The YAML examples of a Markdown document, each as a probe file: a whole file as it is, probe list
 * items ({@code - id: ...}) wrapped in a suite. An example marked {@code <!-- example: invalid -->}
 * on the line before its block shows a mistake on purpose; one marked
 * {@code <!-- example: not a probe file -->} is other YAML.
 */
final class MarkdownExamples {

    /** Why an example is there, as its mark says. */
    enum Mark { NONE, INVALID, NOT_A_PROBE_FILE }

    /** One example: where it is, its mark, and the probe file it stands for. */
    record Example(String where, Mark mark, String probeFile) {
    }

    private static final Pattern BLOCK = Pattern.compile("(?m)^```ya?ml\\n(.*?)^```$", Pattern.DOTALL);
    private static final Pattern MARK = Pattern.compile("<!-- example: (invalid|not a probe file) -->\\s*$");

    private MarkdownExamples() {
    }

    static List<Example> in(String name, String markdown) {
        List<Example> examples = new ArrayList<>();
        Matcher block = BLOCK.matcher(markdown);
        while (block.find()) {
            int line = (int) markdown.substring(0, block.start()).lines().count() + 1;
            String before = markdown.substring(0, block.start()).stripTrailing();
            Matcher mark = MARK.matcher(before);
            Mark kind = !mark.find() ? Mark.NONE : mark.group(1).equals("invalid") ? Mark.INVALID : Mark.NOT_A_PROBE_FILE;
            examples.add(new Example(name + ":" + line, kind, asProbeFile(block.group(1))));
        }
        return examples;
    }

    /** The example itself when it is a whole file; probe list items wrapped in a suite. */
    static String asProbeFile(String yaml) {
        // Without its last line break: stripIndent would count the empty line after it as unindented.
        String text = yaml.stripTrailing().stripIndent() + "\n";
        String first = text.lines().filter(line -> !line.isBlank() && !line.stripLeading().startsWith("#"))
                .findFirst().orElse("");
        if (!first.startsWith("- ")) {
            return text;
        }
        StringBuilder file = new StringBuilder("suite: example\nprobes:\n");
        text.lines().forEach(line -> file.append("  ").append(line).append('\n'));
        return file.toString();
    }
}
