package org.postpatch.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.postpatch.config.CommonSettings.Defaults;
import org.postpatch.config.ProbeFileReader.ClassName;
import org.postpatch.config.ProbeFileReader.ParsedFile;
import org.postpatch.config.ProbeFileReader.RawProbe;
import org.postpatch.methods.JavaProbes;
import org.postpatch.model.LatencyTolerance;
import org.postpatch.model.NeedsGraph;
import org.postpatch.model.ProbeDefinition;
import org.postpatch.model.Suite;
import org.postpatch.spi.ProbeKinds;

/**
 * Makes one {@link Suite} of the files naming it: their variables merged, each probe read (its id,
 * its one kind, its settings, its needs), the probes of the classes they name, and then what holds
 * across probes, checked by {@link SuiteChecks}.
 */
final class SuiteAssembler {

    private static final Set<String> COMMON = Set.of("id", "description", "needs", "severity", "timeout", "retry", "tags",
            "latency");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]*");

    private final ProbeKinds kinds;
    private final Environment environment;
    private final Map<String, String> overrides;
    private final ClassLoader classLoader;
    private final Consumer<String> secrets;
    private final Problems problems;

    SuiteAssembler(ProbeKinds kinds, Environment environment, Map<String, String> overrides, ClassLoader classLoader,
                   Consumer<String> secrets, Problems problems) {
        this.kinds = kinds;
        this.environment = environment;
        this.overrides = overrides;
        this.classLoader = classLoader;
        this.secrets = secrets;
        this.problems = problems;
    }

    Suite assemble(String name, List<ParsedFile> files) {
        ParsedFile merged = new ParsedFile(files.get(0).source);
        List<String> fileNames = new ArrayList<>();
        for (ParsedFile file : files) {
            fileNames.add(file.source.name());
            file.vars.forEach((var, entry) -> ProbeFileReader.addVar(merged, var, entry, problems));
        }
        Map<String, ConfigNode> templates = new LinkedHashMap<>();
        merged.vars.forEach((var, entry) -> templates.put(var, entry.value()));
        Variables variables = new Variables(templates, overrides, environment);
        checkVariables(variables, merged.vars);
        Map<NeedsGraph.Need, SourceLocation> needLocations = new HashMap<>();
        List<ProbeDefinition> probes = new ArrayList<>();
        for (ParsedFile file : files) {
            for (RawProbe raw : file.probes) {
                readProbe(raw, needLocations).ifPresent(probes::add);
            }
            for (ClassName className : file.classes) {
                probes.addAll(javaProbes(className));
            }
        }
        return new Suite(name, fileNames, variables, checks(variables).validate(name, probes, needLocations));
    }

    /** What holds across the probes of a suite with these variables. */
    SuiteChecks checks(Variables variables) {
        return new SuiteChecks(new ProbeBinder(kinds, variables, secrets), problems);
    }

    private void checkVariables(Variables variables, Map<String, ConfigNode.Entry> declared) {
        problems.inProbe(null);
        declared.forEach((name, entry) -> {
            try {
                variables.value(name, Map.of(), secrets);
            } catch (IllegalArgumentException | IllegalStateException problem) {
                // A variable that uses a value captured by a probe is checked where a probe uses it.
                if (!problem.getMessage().startsWith("undefined variable")) {
                    problems.add(entry.value().location(), "vars." + name + ": " + problem.getMessage());
                }
            }
        });
    }

    private List<ProbeDefinition> javaProbes(ClassName className) {
        problems.inProbe(null);
        try {
            Class<?> type = Class.forName(className.name(), false, classLoader);
            if (!JavaProbes.hasProbes(type)) {
                problems.add(className.location(), "class " + className.name() + " has no @Probe methods");
            }
            return JavaProbes.declaredBy(type, className.location(), className.defaults().timeout(),
                    className.defaults().retry(), problems);
        } catch (ClassNotFoundException | LinkageError e) {
            problems.add(className.location(), "class " + className.name() + " is not on the classpath");
            return List.of();
        }
    }

    private Optional<ProbeDefinition> readProbe(RawProbe raw, Map<NeedsGraph.Need, SourceLocation> needLocations) {
        ConfigNode node = raw.node();
        problems.inProbe(null);
        if (!node.isMap()) {
            problems.add(node.location(), "a probe must be a map with 'id' and one kind, found " + node.describeType());
            return Optional.empty();
        }
        String id = readId(node);
        problems.inProbe(id);
        List<String> kindKeys = readKindKeys(node);
        Defaults settings = CommonSettings.settings(node, "", raw.defaults(), problems);
        List<ConfigNode> needNodes = CommonSettings.strings(node.get("needs"), "needs", problems);
        List<String> needs = needNodes.stream().map(ConfigNode::text).toList();
        ConfigNode description = node.get("description");
        if (description != null && !description.isScalar() && !description.isNull()) {
            problems.add(description.location(), "description: expected a string, found " + description.describeType());
        }
        if (id == null || kindKeys.size() != 1) {
            return Optional.empty();
        }
        String kind = kindKeys.get(0);
        for (ConfigNode need : needNodes) {
            needLocations.put(new NeedsGraph.Need(id, need.text()), need.location());
        }
        LatencyTolerance latency = CommonSettings.latency(node, "", raw.defaults().latency(), problems);
        return Optional.of(new ProbeDefinition(id, kind, node.get(kind), needs, settings.severity(), settings.timeout(),
                settings.retry(), settings.tags(), node.location(), Set.of(), latency));
    }

    private String readId(ConfigNode node) {
        ConfigNode idNode = node.get("id");
        if (idNode == null || !idNode.isScalar() || idNode.text().isBlank()) {
            problems.add(node.location(), "probe without 'id': every probe needs a unique id");
        } else if (!ID.matcher(idNode.text()).matches()) {
            problems.add(idNode.location(), "'" + idNode.text() + "' is not a valid probe id (letters, digits, - _ . :)");
        } else {
            return idNode.text();
        }
        return null;
    }

    /** The keys naming a kind: a probe has exactly one; any other key is unknown. */
    private List<String> readKindKeys(ConfigNode node) {
        List<String> kindKeys = new ArrayList<>();
        for (String key : node.keys()) {
            if (COMMON.contains(key)) {
                continue;
            }
            if (kinds.get(key).isPresent()) {
                kindKeys.add(key);
            } else {
                Set<String> candidates = new LinkedHashSet<>(COMMON);
                candidates.addAll(kinds.names());
                problems.add(node.keyLocation(key), "unknown key '" + key + "'" + Suggestions.didYouMean(key, candidates));
            }
        }
        if (kindKeys.isEmpty()) {
            problems.add(node.location(), "no probe kind: add one of " + String.join(", ", kinds.names()));
        } else if (kindKeys.size() > 1) {
            problems.add(node.keyLocation(kindKeys.get(1)), "a probe has exactly one kind, found "
                    + String.join(" and ", kindKeys));
        }
        return kindKeys;
    }
}
