package org.postpatch.cli;

import java.util.List;
import org.postpatch.config.Environment;
import org.postpatch.config.InvalidSuiteException;
import org.postpatch.config.Problem;
import org.postpatch.config.SuiteLoader;
import org.postpatch.model.Suite;
import picocli.CommandLine.Mixin;

/** The probe files a command works on and the {@code --var}s over them: loaded and validated, or every problem said. */
public final class SuiteFiles {

    @Mixin
    PathsMixin paths;

    @Mixin
    VarsMixin vars;

    /** The files and folders as given. */
    List<String> paths() {
        return paths.paths;
    }

    /**
     * Loads and validates.
     *
     * @throws BadInputException after printing every problem of the files, or for a {@code --var}
     *                           that no loaded suite uses
     */
    List<Suite> load(Output output) {
        return load(output, false);
    }

    /** Loads as above; with {@code showWarnings}, also prints the files' warnings ({@code validate}). */
    List<Suite> load(Output output, boolean showWarnings) {
        try {
            List<Suite> suites = SuiteLoader.builder()
                    .environment(Environment.system())
                    .overrides(vars.vars)
                    .redactor(output.redactor())
                    .warnings(warning -> {
                        if (showWarnings) {
                            output.error("warning: " + warning);
                        }
                    })
                    .build()
                    .load(paths.paths);
            vars.checkKnown(suites, output);
            return suites;
        } catch (InvalidSuiteException invalid) {
            printProblems(output, invalid.problems());
            throw BadInputException.alreadyReported("the probe files are invalid");
        }
    }

    /** Says that the probe files have problems, and each of them. */
    static void printProblems(Output output, List<Problem> problems) {
        output.err().println("postpatch: " + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                + " in the probe files; nothing was run:");
        for (Problem problem : problems) {
            output.err().println("  " + output.redactor().redact(problem.toString()));
        }
        output.err().flush();
    }
}
