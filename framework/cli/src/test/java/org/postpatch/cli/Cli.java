package org.postpatch.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.postpatch.secret.Redactor;

/** Runs the command line in process, capturing what it prints. */
final class Cli {

    private String out = "";
    private String err = "";

    /** Runs {@code postpatch args...}; returns the exit code. */
    int run(String... args) {
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        int code = Main.execute(new Output(new PrintStream(outBytes, true, StandardCharsets.UTF_8),
                new PrintStream(errBytes, true, StandardCharsets.UTF_8), new Redactor(), false), args);
        out = outBytes.toString(StandardCharsets.UTF_8);
        err = errBytes.toString(StandardCharsets.UTF_8);
        return code;
    }

    /** The arguments {@code verb options... more...}. */
    static String[] args(String verb, String[] options, String... more) {
        String[] all = new String[1 + options.length + more.length];
        all[0] = verb;
        System.arraycopy(options, 0, all, 1, options.length);
        System.arraycopy(more, 0, all, 1 + options.length, more.length);
        return all;
    }

    /** Standard output of the last run. */
    String out() {
        return out;
    }

    /** Standard error of the last run. */
    String err() {
        return err;
    }
}
