package org.postpatch.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.postpatch.api.Severity;
import org.postpatch.methods.JavaProbes;
import org.postpatch.model.LatencyTolerance;
import org.postpatch.model.ProbeDefinition;
import org.postpatch.model.RetryPolicy;
import org.postpatch.model.Suite;
import org.postpatch.secret.Redactor;
import org.postpatch.spi.Binding;
import org.postpatch.spi.ProbeKind;
import org.postpatch.spi.ProbeKinds;
import org.postpatch.spi.Spec;

/**
 * Reads probe files and folders into validated {@link Suite}s. Nothing runs until every file is
 * valid: all problems of all files are collected and thrown together as an
 * {@link InvalidSuiteException}, each with file, line, column and probe id.
 */
public final class SuiteLoader {

    /** The timeout of one attempt when neither the probe nor the suite's defaults set one. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private static final Set<String> TOP_LEVEL = Set.of("suite", "description", "vars", "defaults", "include",
            "classes", "probes");
    private static final Set<String> COMMON = Set.of("id", "description", "needs", "severity", "timeout", "retry", "tags",
            "latency");
    private static final Set<String> DEFAULTS = Set.of("timeout", "retry", "severity", "tags", "latency");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]*");
    private static final Pattern TAG = Pattern.compile("[^\\s,()&|!]+");

    private final ProbeKinds kinds;
    private final Environment environment;
    private final Map<String, String> overrides;
    private final ClassLoader classLoader;
    private final Redactor redactor;
    private final Consumer<Problem> warnings;
    private final ConfigTreeReader reader = new ConfigTreeReader();

    private SuiteLoader(Builder builder) {
        this.kinds = builder.kinds != null ? builder.kinds : ProbeKinds.load(builder.classLoader);
        this.environment = builder.environment;
        this.overrides = Map.copyOf(builder.overrides);
        this.classLoader = builder.classLoader;
        this.redactor = builder.redactor;
        this.warnings = builder.warnings;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** How to build a loader; every setting has a sensible default. */
    public static final class Builder {
        private ProbeKinds kinds;
        private Environment environment = Environment.system();
        private Map<String, String> overrides = Map.of();
        private ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
        private Redactor redactor = new Redactor();
        private Consumer<Problem> warnings = warning -> { };

        private Builder() {
        }

        /** Where warnings go: valid files with something their author should know (none by default). */
        public Builder warnings(Consumer<Problem> value) {
            this.warnings = value;
            return this;
        }

        /** The kinds to accept; by default those found by ServiceLoader on the class loader. */
        public Builder kinds(ProbeKinds value) {
            this.kinds = value;
            return this;
        }

        public Builder environment(Environment value) {
            this.environment = value;
            return this;
        }

        /** Variables given on the command line ({@code --var}); they win over the files' own. */
        public Builder overrides(Map<String, String> value) {
            this.overrides = value;
            return this;
        }

        public Builder classLoader(ClassLoader value) {
            this.classLoader = value;
            return this;
        }

        /** Where secrets met while validating are registered, so that messages never show them. */
        public Builder redactor(Redactor value) {
            this.redactor = value;
            return this;
        }

        public SuiteLoader build() {
            return new SuiteLoader(this);
        }
    }

    /**
     * Loads the suites in these files and folders ({@code classpath:} allowed). Files that another
     * file includes are read only as part of it. Files naming the same suite form one suite.
     *
     * @throws InvalidSuiteException with every problem found, when anything is wrong
     */
    public List<Suite> load(List<String> locations) {
        Problems problems = new Problems();
        Map<String, ParsedFile> parsed = new LinkedHashMap<>();
        Set<String> included = new HashSet<>();
        List<ParsedFile> candidates = new ArrayList<>();
        for (String location : locations) {
            for (ProbeSource source : ProbeSource.find(location, classLoader, problems)) {
                ParsedFile file = parse(source, Defaults.NONE, parsed, included, new ArrayList<>(), problems);
                if (file != null && !candidates.contains(file)) {
                    candidates.add(file);
                }
            }
        }
        Map<String, List<ParsedFile>> bySuite = new LinkedHashMap<>();
        for (ParsedFile file : candidates) {
            if (!included.contains(file.source.key())) {
                bySuite.computeIfAbsent(file.suiteName, name -> new ArrayList<>()).add(file);
            }
        }
        List<Suite> suites = new ArrayList<>();
        bySuite.forEach((name, files) -> suites.add(buildSuite(name, files, problems)));
        problems.warnings().forEach(w -> warnings.accept(new Problem(w.location(), w.probeId(), redactor.redact(w.message()))));
        if (!problems.isEmpty()) {
            throw new InvalidSuiteException(problems.all().stream()
                    .map(p -> new Problem(p.location(), p.probeId(), redactor.redact(p.message())))
                    .toList());
        }
        return suites;
    }

    /** Loads exactly one suite from Java classes with {@code @Probe} methods (plus optional files). */
    public Suite loadClass(Class<?> type, List<String> locations) {
        List<Suite> fromFiles = locations.isEmpty() ? List.of() : load(locations);
        Problems problems = new Problems();
        SourceLocation at = SourceLocation.ofFile(type.getName());
        List<ProbeDefinition> probes = new ArrayList<>();
        List<String> files = new ArrayList<>();
        Variables variables = new Variables(Map.of(), overrides, environment);
        for (Suite suite : fromFiles) {
            probes.addAll(suite.probes());
            files.addAll(suite.files());
            variables = suite.variables();
        }
        probes.addAll(JavaProbes.declaredBy(type, at, DEFAULT_TIMEOUT, RetryPolicy.NONE, problems));
        String name = fromFiles.size() == 1 ? fromFiles.get(0).name() : type.getSimpleName();
        files.add(type.getName());
        List<ProbeDefinition> validated = validate(name, probes, Map.of(), variables, problems);
        problems.throwIfAny();
        return new Suite(name, files, variables, validated);
    }

    // ---------------------------------------------------------------- one file

    private record Defaults(Duration timeout, RetryPolicy retry, Severity severity, Set<String> tags,
                            LatencyTolerance latency) {
        static final Defaults NONE = new Defaults(DEFAULT_TIMEOUT, RetryPolicy.NONE, Severity.CRITICAL, Set.of(),
                LatencyTolerance.DEFAULT);
    }

    private record RawProbe(ConfigNode node, Defaults defaults) {
    }

    private record ClassName(String name, SourceLocation location, Defaults defaults) {
    }

    private static final class ParsedFile {
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

    private ParsedFile parse(ProbeSource source, Defaults inherited, Map<String, ParsedFile> parsed, Set<String> included,
                             List<String> chain, Problems problems) {
        String key = source.key();
        if (chain.contains(key)) {
            problems.add(SourceLocation.ofFile(source.name()), "include cycle: " + String.join(" -> ", chain) + " -> " + key);
            return null;
        }
        // A file is read once per set of inherited defaults: included by a file with defaults, it
        // gets them, whatever order the files of a folder come in.
        String parseKey = key + "\u0000" + inherited;
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
                        + " (a probe file has: " + String.join(", ", new java.util.TreeSet<>(TOP_LEVEL)) + ")");
            }
        }
        ConfigNode suite = root.get("suite");
        if (suite != null && suite.isScalar() && !suite.text().isBlank()) {
            file.suiteName = suite.text();
            file.suiteLocation = suite.location();
        } else {
            if (suite != null) {
                problems.add(suite.location(), "'suite' must be a name, found " + suite.describeType());
            }
            file.suiteName = source.stem();
        }
        readVars(root.get("vars"), file, problems);
        Defaults defaults = readDefaults(root.get("defaults"), inherited, problems);
        ConfigNode probes = root.get("probes");
        if (probes != null && !probes.isNull()) {
            if (probes.isList()) {
                probes.items().forEach(item -> file.probes.add(new RawProbe(item, defaults)));
            } else {
                problems.add(probes.location(), "'probes' must be a list, found " + probes.describeType());
            }
        }
        for (ConfigNode className : listOfStrings(root.get("classes"), "classes", problems)) {
            file.classes.add(new ClassName(className.text(), className.location(), defaults));
        }
        List<String> innerChain = new ArrayList<>(chain);
        innerChain.add(key);
        for (ConfigNode include : listOfStrings(root.get("include"), "include", problems)) {
            for (ProbeSource part : source.include(include.text(), include.location(), problems)) {
                ParsedFile child = parse(part, defaults, parsed, included, innerChain, problems);
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
        if (file.probes.isEmpty() && file.classes.isEmpty() && problems.isEmpty()) {
            problems.add(root.location(), "no probes: add a 'probes' list (or 'classes' with @Probe methods)");
        }
        return file;
    }

    private void readVars(ConfigNode vars, ParsedFile file, Problems problems) {
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

    private static void addVar(ParsedFile file, String name, ConfigNode.Entry entry, Problems problems) {
        ConfigNode.Entry earlier = file.vars.putIfAbsent(name, entry);
        if (earlier != null && earlier != entry && !earlier.value().text().equals(entry.value().text())) {
            problems.add(entry.keyLocation(), "variable '" + name + "' is defined twice with different values (also at "
                    + earlier.keyLocation() + ")");
        }
    }

    private Defaults readDefaults(ConfigNode node, Defaults inherited, Problems problems) {
        if (node == null || node.isNull()) {
            return inherited;
        }
        if (!node.isMap()) {
            problems.add(node.location(), "'defaults' must be a map, found " + node.describeType());
            return inherited;
        }
        for (String key : node.keys()) {
            if (!DEFAULTS.contains(key)) {
                problems.add(node.keyLocation(key), "defaults: unknown key '" + key + "'" + Suggestions.didYouMean(key, DEFAULTS));
            }
        }
        Duration timeout = timeout(node.get("timeout"), "defaults.timeout", problems).orElse(inherited.timeout());
        RetryPolicy retry = retry(node.get("retry"), "defaults.retry", problems).orElse(inherited.retry());
        Severity severity = severity(node.get("severity"), "defaults.severity", problems).orElse(inherited.severity());
        Set<String> tags = new LinkedHashSet<>(inherited.tags());
        tags.addAll(tags(node.get("tags"), "defaults.tags", problems));
        LatencyTolerance latency = latency(node.get("latency"), "defaults.latency", inherited.latency(), problems);
        return new Defaults(timeout, retry, severity, tags, latency);
    }

    private static List<ConfigNode> listOfStrings(ConfigNode node, String what, Problems problems) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (node.isScalar()) {
            return List.of(node);
        }
        if (!node.isList()) {
            problems.add(node.location(), "'" + what + "' must be a list of strings, found " + node.describeType());
            return List.of();
        }
        List<ConfigNode> strings = new ArrayList<>();
        for (ConfigNode item : node.items()) {
            if (item.isScalar()) {
                strings.add(item);
            } else {
                problems.add(item.location(), what + ": expected a string, found " + item.describeType());
            }
        }
        return strings;
    }

    // ---------------------------------------------------------------- common probe settings

    private static Optional<Duration> timeout(ConfigNode node, String what, Problems problems) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        Optional<Duration> parsed = node.isScalar() ? Durations.parse(node.text()) : Optional.empty();
        if (parsed.isEmpty()) {
            problems.add(node.location(), what + ": expected " + Durations.EXPECTED + ", found "
                    + (node.isScalar() ? "'" + node.text() + "'" : node.describeType()));
        } else if (parsed.get().isZero()) {
            problems.add(node.location(), what + ": must be greater than 0");
            return Optional.empty();
        }
        return parsed;
    }

    private static Optional<RetryPolicy> retry(ConfigNode node, String what, Problems problems) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (node.type() == ConfigNode.Type.BOOLEAN && !((Boolean) node.scalar())) {
            return Optional.of(RetryPolicy.NONE);
        }
        if (node.isScalar()) {
            return timeout(node, what, problems).map(until -> new RetryPolicy(until, Duration.ofSeconds(1)));
        }
        if (!node.isMap()) {
            problems.add(node.location(), what + ": expected { until: 60s, every: 500ms }, found " + node.describeType());
            return Optional.empty();
        }
        for (String key : node.keys()) {
            if (!key.equals("until") && !key.equals("every")) {
                problems.add(node.keyLocation(key), what + ": unknown key '" + key + "'"
                        + Suggestions.didYouMean(key, List.of("until", "every")));
            }
        }
        Optional<Duration> until = timeout(node.get("until"), what + ".until", problems);
        Optional<Duration> every = timeout(node.get("every"), what + ".every", problems);
        if (node.get("until") == null) {
            problems.add(node.location(), what + ": missing 'until' (how long to keep trying, like 60s)");
            return Optional.empty();
        }
        return until.map(u -> new RetryPolicy(u, every.orElse(Duration.ofSeconds(1))));
    }

    /** {@code latency: { ratio: 2, margin: 250ms, severity: warning }} or {@code latency: false}. */
    private static LatencyTolerance latency(ConfigNode node, String what, LatencyTolerance inherited, Problems problems) {
        if (node == null || node.isNull()) {
            return inherited;
        }
        if (node.type() == ConfigNode.Type.BOOLEAN) {
            return (Boolean) node.scalar() ? LatencyTolerance.DEFAULT : LatencyTolerance.OFF;
        }
        if (!node.isMap()) {
            problems.add(node.location(), what + ": expected { ratio: 2, margin: 250ms, severity: warning } or false, found "
                    + node.describeType());
            return inherited;
        }
        for (String key : node.keys()) {
            if (!Set.of("ratio", "margin", "severity").contains(key)) {
                problems.add(node.keyLocation(key), what + ": unknown key '" + key + "'"
                        + Suggestions.didYouMean(key, List.of("ratio", "margin", "severity")));
            }
        }
        double ratio = inherited.ratio();
        ConfigNode ratioNode = node.get("ratio");
        if (ratioNode != null) {
            try {
                ratio = Double.parseDouble(ratioNode.text());
                if (ratio < 1.0) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                problems.add(ratioNode.location(), what + ".ratio: expected a number of at least 1 (2 means twice as slow), found '"
                        + ratioNode.text() + "'");
            }
        }
        Duration margin = timeout(node.get("margin"), what + ".margin", problems).orElse(inherited.margin());
        Severity severity = severity(node.get("severity"), what + ".severity", problems).orElse(inherited.severity());
        return new LatencyTolerance(Math.max(1.0, ratio), margin, severity, true);
    }

    private static Optional<Severity> severity(ConfigNode node, String what, Problems problems) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        String text = node.isScalar() ? node.text() : "";
        switch (text) {
            case "critical":
                return Optional.of(Severity.CRITICAL);
            case "warning":
                return Optional.of(Severity.WARNING);
            default:
                problems.add(node.location(), what + ": expected critical or warning, found "
                        + (node.isScalar() ? "'" + text + "'" + Suggestions.didYouMean(text, List.of("critical", "warning"))
                        : node.describeType()));
                return Optional.empty();
        }
    }

    private static Set<String> tags(ConfigNode node, String what, Problems problems) {
        Set<String> tags = new LinkedHashSet<>();
        for (ConfigNode tag : listOfStrings(node, what, problems)) {
            if (TAG.matcher(tag.text()).matches()) {
                tags.add(tag.text());
            } else {
                problems.add(tag.location(), what + ": '" + tag.text() + "' is not a valid tag (no spaces or , ( ) & | !)");
            }
        }
        return tags;
    }

    // ---------------------------------------------------------------- one suite

    private Suite buildSuite(String name, List<ParsedFile> files, Problems problems) {
        ParsedFile merged = new ParsedFile(files.get(0).source);
        List<String> fileNames = new ArrayList<>();
        for (ParsedFile file : files) {
            fileNames.add(file.source.name());
            file.vars.forEach((var, entry) -> addVar(merged, var, entry, problems));
        }
        Map<String, ConfigNode> templates = new LinkedHashMap<>();
        merged.vars.forEach((var, entry) -> templates.put(var, entry.value()));
        Variables variables = new Variables(templates, overrides, environment);
        checkVariables(variables, merged.vars, problems);
        Map<String, SourceLocation> needLocations = new HashMap<>();
        List<ProbeDefinition> probes = new ArrayList<>();
        for (ParsedFile file : files) {
            for (RawProbe raw : file.probes) {
                readProbe(raw, needLocations, problems).ifPresent(probes::add);
            }
            for (ClassName className : file.classes) {
                problems.inProbe(null);
                try {
                    Class<?> type = Class.forName(className.name(), false, classLoader);
                    if (!JavaProbes.hasProbes(type)) {
                        problems.add(className.location(), "class " + className.name() + " has no @Probe methods");
                    }
                    probes.addAll(JavaProbes.declaredBy(type, className.location(), className.defaults().timeout(),
                            className.defaults().retry(), problems));
                } catch (ClassNotFoundException | LinkageError e) {
                    problems.add(className.location(), "class " + className.name() + " is not on the classpath");
                }
            }
        }
        return new Suite(name, fileNames, variables, validate(name, probes, needLocations, variables, problems));
    }

    private void checkVariables(Variables variables, Map<String, ConfigNode.Entry> declared, Problems problems) {
        problems.inProbe(null);
        declared.forEach((name, entry) -> {
            try {
                variables.value(name, Map.of(), redactor::add);
            } catch (IllegalArgumentException | IllegalStateException problem) {
                // A variable that uses a value captured by a probe is checked where a probe uses it.
                if (!problem.getMessage().startsWith("undefined variable")) {
                    problems.add(entry.value().location(), "vars." + name + ": " + problem.getMessage());
                }
            }
        });
    }

    private Optional<ProbeDefinition> readProbe(RawProbe raw, Map<String, SourceLocation> needLocations,
                                                Problems problems) {
        ConfigNode node = raw.node();
        problems.inProbe(null);
        if (!node.isMap()) {
            problems.add(node.location(), "a probe must be a map with 'id' and one kind, found " + node.describeType());
            return Optional.empty();
        }
        ConfigNode idNode = node.get("id");
        String id = null;
        if (idNode == null || !idNode.isScalar() || idNode.text().isBlank()) {
            problems.add(node.location(), "probe without 'id': every probe needs a unique id");
        } else if (!ID.matcher(idNode.text()).matches()) {
            problems.add(idNode.location(), "'" + idNode.text() + "' is not a valid probe id (letters, digits, - _ . :)");
        } else {
            id = idNode.text();
        }
        problems.inProbe(id);
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
        Defaults defaults = raw.defaults();
        Duration timeout = timeout(node.get("timeout"), "timeout", problems).orElse(defaults.timeout());
        RetryPolicy retry = retry(node.get("retry"), "retry", problems).orElse(defaults.retry());
        Severity severity = severity(node.get("severity"), "severity", problems).orElse(defaults.severity());
        Set<String> tags = new LinkedHashSet<>(defaults.tags());
        tags.addAll(tags(node.get("tags"), "tags", problems));
        List<ConfigNode> needNodes = listOfStrings(node.get("needs"), "needs", problems);
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
            needLocations.put(id + "\u0000" + need.text(), need.location());
        }
        LatencyTolerance latency = latency(node.get("latency"), "latency", defaults.latency(), problems);
        return Optional.of(new ProbeDefinition(id, kind, node.get(kind), needs, severity, timeout, retry, tags,
                node.location(), Set.of(), latency));
    }

    // ---------------------------------------------------------------- across probes

    private List<ProbeDefinition> validate(String suite, List<ProbeDefinition> probes,
                                           Map<String, SourceLocation> needLocations, Variables variables,
                                           Problems problems) {
        Map<String, ProbeDefinition> byId = new LinkedHashMap<>();
        for (ProbeDefinition probe : probes) {
            ProbeDefinition earlier = byId.putIfAbsent(probe.id(), probe);
            if (earlier != null) {
                problems.add(probe.location(), probe.id(), "duplicate probe id '" + probe.id() + "' in suite '" + suite
                        + "' (first at " + earlier.location() + ")");
            }
        }
        for (ProbeDefinition probe : byId.values()) {
            for (String need : probe.needs()) {
                if (!byId.containsKey(need)) {
                    problems.add(needLocations.getOrDefault(probe.id() + "\u0000" + need, probe.location()), probe.id(), "needs '" + need + "', which is not a probe of suite '"
                            + suite + "'" + Suggestions.didYouMean(need, byId.keySet()));
                }
            }
        }
        Set<String> inCycle = reportCycles(byId, problems);
        Map<String, Set<String>> capturesById = new HashMap<>();
        List<ProbeDefinition> validated = new ArrayList<>();
        for (ProbeDefinition probe : topologicalOrder(byId, inCycle)) {
            Set<String> available = new LinkedHashSet<>();
            for (String ancestor : ancestors(probe.id(), byId)) {
                available.addAll(capturesById.getOrDefault(ancestor, Set.of()));
            }
            Set<String> captures = bind(probe, variables, available, problems);
            capturesById.put(probe.id(), captures);
        }
        for (ProbeDefinition probe : byId.values()) {
            Set<String> captures = capturesById.getOrDefault(probe.id(), Set.of());
            validated.add(probe.withCaptures(captures));
        }
        return validated;
    }

    /** Binds the probe's kind block once to validate it; returns the names it captures. */
    private Set<String> bind(ProbeDefinition probe, Variables variables, Set<String> availableCaptures, Problems problems) {
        problems.inProbe(probe.id());
        ConfigNode checked = probe.spec().mapStrings(string -> {
            if (!Variables.hasReferences(string.text())) {
                return string;
            }
            boolean[] deferred = new boolean[1];
            String problem = variables.check(string.text(), availableCaptures, deferred);
            if (problem != null) {
                problems.add(string.location(), problem);
                return string.asDeferred();
            }
            if (deferred[0]) {
                return string.asDeferred();
            }
            return ConfigNode.resolved(string.location(), variables.parts(string.text(), Map.of(), redactor::add));
        });
        ProbeKind kind = kinds.get(probe.kind()).orElseThrow();
        Spec spec = Spec.forValidation(kind, checked, problems);
        Binding binding;
        try {
            binding = kind.bind(spec);
        } catch (RuntimeException broken) {
            problems.add(checked.location(), "the " + probe.kind() + " kind could not read this probe: " + broken);
            return Set.of();
        }
        spec.finish();
        problems.inProbe(null);
        return binding == null ? Set.of() : binding.captures();
    }

    private static Set<String> reportCycles(Map<String, ProbeDefinition> byId, Problems problems) {
        Set<String> inCycle = new HashSet<>();
        Map<String, Integer> state = new HashMap<>();
        for (String id : byId.keySet()) {
            findCycle(id, byId, state, new ArrayList<>(), inCycle, problems);
        }
        return inCycle;
    }

    private static void findCycle(String id, Map<String, ProbeDefinition> byId, Map<String, Integer> state,
                                  List<String> path, Set<String> inCycle, Problems problems) {
        Integer seen = state.get(id);
        if (seen != null && seen == 2) {
            return;
        }
        if (seen != null && seen == 1) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(id), path.size()));
            cycle.add(id);
            inCycle.addAll(cycle);
            ProbeDefinition first = byId.get(id);
            problems.add(first.location(), id, "'needs' form a cycle: " + String.join(" -> ", cycle));
            return;
        }
        state.put(id, 1);
        path.add(id);
        for (String need : byId.get(id).needs()) {
            if (byId.containsKey(need)) {
                findCycle(need, byId, state, path, inCycle, problems);
            }
        }
        path.remove(path.size() - 1);
        state.put(id, 2);
    }

    private static List<ProbeDefinition> topologicalOrder(Map<String, ProbeDefinition> byId, Set<String> inCycle) {
        List<ProbeDefinition> order = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (String id : byId.keySet()) {
            visit(id, byId, inCycle, done, order);
        }
        return order;
    }

    private static void visit(String id, Map<String, ProbeDefinition> byId, Set<String> inCycle, Set<String> done,
                              List<ProbeDefinition> order) {
        if (done.contains(id) || !byId.containsKey(id)) {
            return;
        }
        done.add(id);
        if (!inCycle.contains(id)) {
            byId.get(id).needs().forEach(need -> visit(need, byId, inCycle, done, order));
        }
        order.add(byId.get(id));
    }

    /** Every probe {@code id} needs, directly or not. */
    public static Set<String> ancestors(String id, Map<String, ProbeDefinition> byId) {
        Set<String> found = new LinkedHashSet<>();
        List<String> todo = new ArrayList<>(byId.containsKey(id) ? byId.get(id).needs() : List.of());
        while (!todo.isEmpty()) {
            String next = todo.remove(todo.size() - 1);
            if (found.add(next) && byId.containsKey(next)) {
                todo.addAll(byId.get(next).needs());
            }
        }
        found.remove(id);
        return found;
    }
}
