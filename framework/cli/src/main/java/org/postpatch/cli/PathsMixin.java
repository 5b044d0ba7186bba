package org.postpatch.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Parameters;

/** The probe files and folders a command works on. */
public final class PathsMixin {

    @Parameters(arity = "1..*", paramLabel = "PATH",
            description = "Probe files (.yaml, .yml, .json) or folders of them; classpath:folder/ too.")
    List<String> paths = new ArrayList<>();
}
