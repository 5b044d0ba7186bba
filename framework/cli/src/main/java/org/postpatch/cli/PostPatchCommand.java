package org.postpatch.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** The top-level {@code postpatch} command; the work is done by its verbs. */
@Command(name = "postpatch", mixinStandardHelpOptions = true, versionProvider = PostPatchCommand.Version.class,
        description = {"Post-patch self-tests: run an application's probes right after a patch and answer pass or fail.", ""},
        commandListHeading = "%nCommands:%n",
        footer = {"", "Exit codes: 0 pass (warnings allowed), 1 fail, 2 bad input, 3 could not complete.",
                "Run 'postpatch COMMAND --help' for a command's options."})
final class PostPatchCommand implements Runnable {

    @Override
    public void run() {
        // Without a verb picocli prints the usage (see Main).
    }

    /** The version from the jar's manifest. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = PostPatchCommand.class.getPackage().getImplementationVersion();
            return new String[] {"postpatch " + (version == null ? "(development build)" : version),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
