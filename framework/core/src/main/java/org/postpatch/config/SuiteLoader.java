package org.postpatch.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.postpatch.config.ProbeFileReader.ParsedFile;
import org.postpatch.methods.JavaProbes;
import org.postpatch.model.ProbeDefinition;
import org.postpatch.model.RetryPolicy;
import org.postpatch.model.Suite;
import org.postpatch.secret.Redactor;
import org.postpatch.spi.ProbeKinds;

/**
 * Reads probe files and folders into validated {@link Suite}s. Nothing runs until every file is
 * valid: all problems of all files are collected and thrown together as an
 * {@link InvalidSuiteException}, each with file, line, column and probe id.
 *
 * <p>The files and what they include are read by {@link ProbeFileReader}, the settings every probe
 * has by {@link CommonSettings}, each suite is assembled by {@link SuiteAssembler} and checked
 * across its probes by {@link SuiteChecks}, which binds each probe to its kind with a
 * {@link ProbeBinder}.
 */
public final class SuiteLoader {

    /** The timeout of one attempt when neither the probe nor the suite's defaults set one. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final ProbeKinds kinds;
    private final Environment environment;
    private final Map<String, String> overrides;
    private final ClassLoader classLoader;
    private final Redactor redactor;
    private final Consumer<Problem> warnings;

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
        ProbeFileReader files = new ProbeFileReader(problems);
        List<ParsedFile> candidates = new ArrayList<>();
        Set<ParsedFile> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (String location : locations) {
            for (ProbeSource source : ProbeSource.find(location, classLoader, problems)) {
                ParsedFile file = files.read(source);
                if (file != null && seen.add(file)) {
                    candidates.add(file);
                }
            }
        }
        Map<String, List<ParsedFile>> bySuite = new LinkedHashMap<>();
        for (ParsedFile file : candidates) {
            if (!files.wasIncluded(file)) {
                bySuite.computeIfAbsent(file.suiteName, name -> new ArrayList<>()).add(file);
            }
        }
        SuiteAssembler assembler = assembler(problems);
        List<Suite> suites = new ArrayList<>();
        bySuite.forEach((name, named) -> suites.add(assembler.assemble(name, named)));
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
        List<ProbeDefinition> validated = assembler(problems).checks(variables).validate(name, probes, Map.of());
        problems.throwIfAny();
        return new Suite(name, files, variables, validated);
    }

    private SuiteAssembler assembler(Problems problems) {
        return new SuiteAssembler(kinds, environment, overrides, classLoader, redactor::add, problems);
    }
}
