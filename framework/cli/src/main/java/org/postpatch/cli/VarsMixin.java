package org.postpatch.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --var NAME=VALUE}, overriding a suite's variables. */
public final class VarsMixin {

    @Option(names = "--var", paramLabel = "NAME=VALUE",
            description = "Overrides a suite variable (repeatable). The value is taken literally.")
    Map<String, String> vars = new LinkedHashMap<>();
}
