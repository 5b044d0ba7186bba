package org.postpatch.probes.system.jvm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.postpatch.api.ProbeContext;
import org.postpatch.probes.system.process.CommandLine;
import org.postpatch.probes.system.process.CommandResult;
import org.postpatch.probes.system.process.ProcessRunner;
import org.postpatch.probes.system.text.Excerpts;

/**
 * Reads the system properties of a JVM installed at a home folder, the way a deploy script checks
 * the JVM a node is about to run: {@code <home>/bin/java -XshowSettings:properties -version}.
 */
final class JavaHome {

    private static final List<String> ARGUMENTS = List.of("-XshowSettings:properties", "-version");
    private static final String INDENT = "    ";

    private JavaHome() {
    }

    /**
     * Runs that JVM's launcher and reads its properties.
     *
     * @throws IllegalStateException with the operator's reason when the JVM cannot tell
     */
    static JvmFacts read(Path home, ProbeContext context) throws IOException, InterruptedException, TimeoutException {
        Path java = launcher(home);
        CommandLine line = CommandLine.of(List.of(java.toString(), ARGUMENTS.get(0), ARGUMENTS.get(1)));
        CommandResult result = ProcessRunner.run(line, context);
        // The settings go to stderr; read both in case a launcher does otherwise.
        String output = result.stderr().text() + "\n" + result.stdout().text();
        if (result.exitCode() != 0) {
            throw new IllegalStateException("'" + line.display() + "' exited with code " + result.exitCode() + ": "
                    + Excerpts.firstLine(output));
        }
        Map<String, String> properties = parse(output);
        if (!properties.containsKey("java.version")) {
            throw new IllegalStateException("'" + line.display() + "' did not show java.version; it printed: '"
                    + Excerpts.of(output) + "'");
        }
        return new JvmFacts("the JVM at " + home, properties);
    }

    private static Path launcher(Path home) {
        if (!Files.isDirectory(home)) {
            throw new IllegalStateException("JVM home " + home + " does not exist");
        }
        for (String name : List.of("java", "java.exe")) {
            Path java = home.resolve("bin").resolve(name);
            if (Files.isRegularFile(java)) {
                if (!Files.isExecutable(java)) {
                    throw new IllegalStateException(java + " is not executable");
                }
                return java;
            }
        }
        throw new IllegalStateException("no bin/java in " + home + " (is it a JDK or JRE home?)");
    }

    /**
     * The properties in the "Property settings:" section. A property is a line {@code "    name = value"};
     * list-valued ones (paths) continue on further-indented lines, joined back with the path separator.
     */
    static Map<String, String> parse(String output) {
        Map<String, String> properties = new LinkedHashMap<>();
        Map<String, List<String>> continued = new LinkedHashMap<>();
        String current = null;
        for (String line : output.split("\\R")) {
            if (line.startsWith(INDENT + INDENT) && current != null) {
                continued.computeIfAbsent(current, name -> new java.util.ArrayList<>()).add(line.strip());
            } else if (line.startsWith(INDENT) && line.contains(" = ")) {
                int equals = line.indexOf(" = ");
                current = line.substring(INDENT.length(), equals).strip();
                properties.put(current, line.substring(equals + 3).strip());
            } else {
                current = null;
            }
        }
        String separator = properties.getOrDefault("path.separator", java.io.File.pathSeparator);
        continued.forEach((name, more) -> properties.put(name, properties.get(name) + separator + String.join(separator, more)));
        return properties;
    }
}
