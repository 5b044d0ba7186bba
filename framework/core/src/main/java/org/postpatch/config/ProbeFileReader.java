package org.postpatch.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.postpatch.config.CommonSettings.Defaults;

/**
 * Reads probe files and what they include into {@link ParsedFile}s: the suite each names, its
 * variables, its probes (not yet read) with the defaults in force where each was written, and its
 * classes of Java probes. An included file is part of the file including it and inherits its
 * defaults; an include cycle is a problem.
 */
final class ProbeFileReader {

    private static final Set<String> TOP_LEVEL = Set.of("suite", "description", "vars", "defaults", "include",
            "classes", "probes");

    private final ConfigTreeReader reader = new ConfigTreeReader();
    private final Map<ParseKey, ParsedFile> parsed = new HashMap<>();
    private final Set<String> included = new HashSet<>();
    private final Problems problems;

    /** A probe as written, with the defaults in force where it was written. */
    record RawProbe(ConfigNode node, Defaults defaults) {
    }

    /** A class named in {@code classes}, with the defaults its probes get. */
    record ClassName(String name, SourceLocation location, Defaults defaults) {
    }

    /** One file read, with what it includes folded in. */
    static final class ParsedFile {
        final ProbeSource source;
        String suiteName;
        SourceLocation suiteLocation;
        final Map<String, ConfigNode.Entry> vars = new LinkedHashMap<>();
        final List<RawProbe> probes = new ArrayList<>();
        final List<ClassName> classes = new ArrayList<>();

        ParsedFile(ProbeSource source) {
            this.source = source;
        }
    }

    /** A file is read once per set of inherited defaults. */
    private record ParseKey(String source, Defaults inherited) {
    }

    ProbeFileReader(Problems problems) {
        this.problems = problems;
    }

    /** Reads a file named on the command line (with no inherited defaults). */
    ParsedFile read(ProbeSource source) {
        return parse(source, Defaults.NONE, List.of());
    }

    /** True when another file included this one: it is then read only as part of that file. */
    boolean wasIncluded(ParsedFile file) {
        return included.contains(file.source.key());
    }

    private ParsedFile parse(ProbeSource source, Defaults inherited, List<String> chain) {
        String key = source.key();
        if (chain.contains(key)) {
            problems.add(SourceLocation.ofFile(source.name()), "include cycle: " + String.join(" -> ", chain) + " -> " + key);
            return null;
        }
        // Included by a file with defaults, a file gets them, whatever order the files of a folder come in.
        ParseKey parseKey = new ParseKey(key, inherited);
        if (parsed.containsKey(parseKey)) {
            return parsed.get(parseKey);
        }
        ParsedFile file = new ParsedFile(source);
        parsed.put(parseKey, file);
        problems.inProbe(null);
        Optional<ConfigNode> tree = source.read(problems).flatMap(content -> reader.read(source.name(), content, problems));
        if (tree.isEmpty()) {
            file.suiteName = source.stem();
            return file;
        }
        ConfigNode root = tree.get();
        if (!root.isMap()) {
            problems.add(root.location(), "expected a map with 'suite' and 'probes', found " + root.describeType());
            file.suiteName = source.stem();
            return file;
        }
        for (String topKey : root.keys()) {
            if (!TOP_LEVEL.contains(topKey)) {
                problems.add(root.keyLocation(topKey), "unknown key '" + topKey + "'" + Suggestions.didYouMean(topKey, TOP_LEVEL)
                        + " (a probe file has: " + String.join(", ", new TreeSet<>(TOP_LEVEL)) + ")");
            }
        }
        readSuiteName(root.get("suite"), file);
        readVars(root.get("vars"), file);
        Defaults defaults = CommonSettings.defaults(root.get("defaults"), inherited, problems);
        ConfigNode probes = root.get("probes");
        if (probes != null && !probes.isNull()) {
            if (probes.isList()) {
                probes.items().forEach(item -> file.probes.add(new RawProbe(item, defaults)));
            } else {
                problems.add(probes.location(), "'probes' must be a list, found " + probes.describeType());
            }
        }
        for (ConfigNode className : CommonSettings.strings(root.get("classes"), "classes", problems)) {
            file.classes.add(new ClassName(className.text(), className.location(), defaults));
        }
        readIncludes(root.get("include"), file, defaults, chain);
        if (file.probes.isEmpty() && file.classes.isEmpty() && problems.isEmpty()) {
            problems.add(root.location(), "no probes: add a 'probes' list (or 'classes' with @Probe methods)");
        }
        return file;
    }

    private void readSuiteName(ConfigNode suite, ParsedFile file) {
        if (suite != null && suite.isScalar() && !suite.text().isBlank()) {
            file.suiteName = suite.text();
            file.suiteLocation = suite.location();
        } else {
            if (suite != null) {
                problems.add(suite.location(), "'suite' must be a name, found " + suite.describeType());
            }
            file.suiteName = file.source.stem();
        }
    }

    private void readIncludes(ConfigNode includes, ParsedFile file, Defaults defaults, List<String> chain) {
        List<String> innerChain = new ArrayList<>(chain);
        innerChain.add(file.source.key());
        for (ConfigNode include : CommonSettings.strings(includes, "include", problems)) {
            for (ProbeSource part : file.source.include(include.text(), include.location(), problems)) {
                ParsedFile child = parse(part, defaults, innerChain);
                if (child == null) {
                    continue;
                }
                included.add(part.key());
                if (child.suiteLocation != null && !child.suiteName.equals(file.suiteName)) {
                    problems.add(child.suiteLocation, "included file names suite '" + child.suiteName
                            + "' but is included by suite '" + file.suiteName + "'");
                }
                child.vars.forEach((name, entry) -> addVar(file, name, entry, problems));
                file.probes.addAll(child.probes);
                file.classes.addAll(child.classes);
            }
        }
    }

    private void readVars(ConfigNode vars, ParsedFile file) {
        if (vars == null || vars.isNull()) {
            return;
        }
        if (!vars.isMap()) {
            problems.add(vars.location(), "'vars' must be a map of names to values, found " + vars.describeType());
            return;
        }
        vars.entries().forEach((name, entry) -> {
            if (!entry.value().isScalar()) {
                problems.add(entry.value().location(), "vars." + name + ": expected a string, found " + entry.value().describeType());
            } else {
                addVar(file, name, entry, problems);
            }
        });
    }

    /** Adds a variable to a file (or suite); the same name with another value is a problem. */
    static void addVar(ParsedFile file, String name, ConfigNode.Entry entry, Problems problems) {
        ConfigNode.Entry earlier = file.vars.putIfAbsent(name, entry);
        if (earlier != null && earlier != entry && !earlier.value().text().equals(entry.value().text())) {
            problems.add(entry.keyLocation(), "variable '" + name + "' is defined twice with different values (also at "
                    + earlier.keyLocation() + ")");
        }
    }
}
