package org.postpatch.cli.init;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What init learns while it looks at an application: what it found to write probes from, what it
 * could not discover or left out (for the file's header and the terminal), and a progress line per
 * request as it goes.
 */
final class Findings {

    private static final int PATH_WIDTH = 28;

    private final Consumer<String> progress;
    private final List<String> sources = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    Findings(Consumer<String> progress) {
        this.progress = progress;
    }

    /** A progress line for an answer: {@code   GET /actuator/health        200  UP}. */
    void answered(Answer answer, String meaning) {
        progress.accept(line(answer.path(), answer.describeStatus() + (meaning.isEmpty() ? "" : "  " + meaning)));
    }

    /** A progress line for a request that got no answer; it is also a note. */
    void unanswered(String path, NoAnswerException reason) {
        progress.accept(line(path, "no answer: " + reason.getMessage()));
        notes.add(reason.getMessage());
    }

    /** Something found to write probes from: {@code Actuator at /actuator (health, info)}. */
    void source(String what) {
        sources.add(what);
    }

    /** Something not discovered or left out, and why. */
    void note(String what) {
        notes.add(what);
    }

    /** A line of progress that is not about one request. */
    void say(String line) {
        progress.accept(line);
    }

    List<String> sources() {
        return List.copyOf(sources);
    }

    List<String> notes() {
        return List.copyOf(notes);
    }

    private static String line(String path, String outcome) {
        String request = "  GET " + path;
        return request + " ".repeat(Math.max(2, PATH_WIDTH + 6 - request.length())) + outcome;
    }
}
