package org.postpatch.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.MethodSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.postpatch.api.ProbeSuite;
import org.postpatch.config.InvalidSuiteException;
import org.postpatch.config.SourceLocation;
import org.postpatch.config.SuiteLoader;
import org.postpatch.methods.JavaProbeKind;
import org.postpatch.methods.JavaProbes;
import org.postpatch.model.ProbeDefinition;
import org.postpatch.model.Suite;
import org.postpatch.result.SuiteResult;
import org.postpatch.spi.ProbeKinds;

/**
 * The postpatch engine for the JUnit Platform (id {@value #ID}). Suites become containers and probes
 * become tests, so probe suites run in an IDE, under Maven Surefire and through the postpatch runner
 * alike. It discovers:
 * <ul>
 *   <li>{@link SuiteSelector}s, as the runner passes them;</li>
 *   <li>classes annotated {@link ProbeSuite} or having {@code @Probe} methods (class, method and
 *       unique-id selectors), as an IDE or Surefire passes them.</li>
 * </ul>
 */
public final class PostPatchTestEngine implements TestEngine {

    /** The engine id, used in unique ids and in {@code includeEngines}. */
    public static final String ID = "postpatch";

    private final RunControl control;

    /** The engine as found by ServiceLoader. */
    public PostPatchTestEngine() {
        this(RunControl.quiet());
    }

    /** The engine as the runner creates it, with its observer, redactor and interruption. */
    public PostPatchTestEngine(RunControl control) {
        this.control = control;
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public Optional<String> getGroupId() {
        return Optional.of("org.postpatch");
    }

    @Override
    public Optional<String> getArtifactId() {
        return Optional.of("postpatch-core");
    }

    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
        EngineDescriptor engine = new EngineDescriptor(uniqueId, "postpatch");
        ProbeKinds kinds = control.kinds(Thread.currentThread().getContextClassLoader());
        for (SuiteSelector selector : request.getSelectorsByType(SuiteSelector.class)) {
            engine.addChild(suiteDescriptor(engine, selector.suite(), null, kinds));
        }
        List<Class<?>> classes = new ArrayList<>();
        request.getSelectorsByType(ClassSelector.class).forEach(s -> addClass(classes, s.getJavaClass()));
        request.getSelectorsByType(MethodSelector.class).forEach(s -> addClass(classes, s.getJavaClass()));
        for (UniqueIdSelector selector : request.getSelectorsByType(UniqueIdSelector.class)) {
            classFromUniqueId(selector.getUniqueId(), uniqueId).ifPresent(type -> addClass(classes, type));
        }
        for (Class<?> type : classes) {
            classSuite(engine, type, kinds, request).ifPresent(engine::addChild);
        }
        return engine;
    }

    private static void addClass(List<Class<?>> classes, Class<?> type) {
        if (!classes.contains(type) && (type.isAnnotationPresent(ProbeSuite.class) || JavaProbes.hasProbes(type))) {
            classes.add(type);
        }
    }

    private static Optional<Class<?>> classFromUniqueId(UniqueId selected, UniqueId engineId) {
        if (!selected.hasPrefix(engineId)) {
            return Optional.empty();
        }
        return selected.getSegments().stream()
                .filter(segment -> segment.getType().equals("class"))
                .findFirst()
                .flatMap(segment -> {
                    try {
                        return Optional.of(Class.forName(segment.getValue(), false,
                                Thread.currentThread().getContextClassLoader()));
                    } catch (ClassNotFoundException e) {
                        return Optional.empty();
                    }
                });
    }

    /**
     * The suite of a class; an invalid one is reported as a discovery issue (an error: the platform
     * then runs nothing of this engine, as the command line runs nothing when a file is invalid).
     */
    private Optional<TestDescriptor> classSuite(EngineDescriptor engine, Class<?> type, ProbeKinds kinds,
                                                EngineDiscoveryRequest request) {
        UniqueId classId = engine.getUniqueId().append("class", type.getName());
        ClassSource source = ClassSource.from(type);
        ProbeSuite annotation = type.getAnnotation(ProbeSuite.class);
        List<String> locations = annotation == null ? List.of() : Arrays.asList(annotation.value());
        List<String> vars = annotation == null ? List.of() : Arrays.asList(annotation.vars());
        try {
            java.util.Map<String, String> overrides = new java.util.LinkedHashMap<>();
            for (String var : vars) {
                int equals = var.indexOf('=');
                if (equals <= 0) {
                    throw new IllegalArgumentException("@ProbeSuite vars must be NAME=VALUE, found '" + var + "'");
                }
                overrides.put(var.substring(0, equals), var.substring(equals + 1));
            }
            Suite suite = SuiteLoader.builder().kinds(kinds).overrides(overrides).redactor(control.redactor())
                    .build().loadClass(type, locations);
            SuiteDescriptor descriptor = new SuiteDescriptor(classId, suite, source);
            addProbes(descriptor, suite, type, kinds);
            return Optional.of(descriptor);
        } catch (InvalidSuiteException | IllegalArgumentException | IllegalStateException invalid) {
            request.getDiscoveryListener().issueEncountered(engine.getUniqueId(), DiscoveryIssue
                    .builder(DiscoveryIssue.Severity.ERROR, "the probe suite " + type.getName() + " is invalid: "
                            + invalid.getMessage())
                    .source(source)
                    .build());
            return Optional.empty();
        }
    }

    private SuiteDescriptor suiteDescriptor(EngineDescriptor engine, Suite suite, Class<?> type, ProbeKinds kinds) {
        SuiteDescriptor descriptor = new SuiteDescriptor(
                engine.getUniqueId().append(SuiteDescriptor.SEGMENT, suite.name()), suite, null);
        addProbes(descriptor, suite, type, kinds);
        return descriptor;
    }

    private static void addProbes(SuiteDescriptor descriptor, Suite suite, Class<?> type, ProbeKinds kinds) {
        for (ProbeDefinition probe : suite.probes()) {
            boolean hasParts = kinds.get(probe.kind()).map(k -> k.hasParts()).orElse(false);
            descriptor.addChild(new ProbeDescriptor(
                    descriptor.getUniqueId().append(ProbeDescriptor.SEGMENT, probe.id()),
                    probe, source(probe, type), hasParts));
        }
    }

    private static TestSource source(ProbeDefinition probe, Class<?> type) {
        if (probe.kind().equals(JavaProbeKind.NAME)) {
            String className = probe.spec().get("class").text();
            String method = probe.spec().get("method").text();
            return MethodSource.from(className, method);
        }
        SourceLocation at = probe.location();
        if (type != null) {
            // Surefire reports only tests whose source names a class.
            return MethodSource.from(type.getName(), probe.id());
        }
        if (at.file().startsWith("classpath:")) {
            return null;
        }
        java.io.File file = new java.io.File(at.file());
        return at.line() > 0 ? FileSource.from(file, FilePosition.from(at.line(), at.column())) : FileSource.from(file);
    }

    @Override
    public void execute(ExecutionRequest request) {
        TestDescriptor root = request.getRootTestDescriptor();
        var listener = request.getEngineExecutionListener();
        listener.executionStarted(root);
        ExecutionSettings settings;
        try {
            settings = ExecutionSettings.from(request.getConfigurationParameters());
        } catch (IllegalArgumentException invalid) {
            listener.executionFinished(root, TestExecutionResult.failed(new ProbeFailure(invalid.getMessage())));
            return;
        }
        Deadline deadline = settings.runTimeout().map(Deadline::after).orElse(Deadline.NONE);
        ProbeKinds kinds = control.kinds(Thread.currentThread().getContextClassLoader());
        // Made for this run and closed with it: nothing of a run outlives it (threads, clients, browsers).
        try (SharedResources shared = new SharedResources(); RunThreads threads = new RunThreads(settings.parallel())) {
            for (TestDescriptor child : root.getChildren()) {
                SuiteResult ignored = new SuiteExecution((SuiteDescriptor) child, listener, settings, control, shared,
                        threads, kinds, deadline).execute();
            }
        }
        listener.executionFinished(root, TestExecutionResult.successful());
    }
}
