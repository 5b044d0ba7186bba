package org.postpatch.probes.junit;

import java.util.ArrayList;
import java.util.List;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;

/**
 * Which tests a {@code junit} probe runs: packages, classes and methods, narrowed by tag expressions.
 *
 * @param tags        JUnit tag expressions; a test runs when it matches any of them (all tests when empty)
 * @param excludeTags JUnit tag expressions; a test matching any of them does not run
 */
record TestSelection(List<String> packages, List<String> classes, List<String> methods, List<String> tags,
                     List<String> excludeTags) {

    /** postpatch's own engine would find the probe suites among the tests; it never takes part. */
    private static final String POSTPATCH_ENGINE = "postpatch";

    TestSelection {
        packages = List.copyOf(packages);
        classes = List.copyOf(classes);
        methods = List.copyOf(methods);
        tags = List.copyOf(tags);
        excludeTags = List.copyOf(excludeTags);
    }

    boolean isEmpty() {
        return packages.isEmpty() && classes.isEmpty() && methods.isEmpty();
    }

    LauncherDiscoveryRequest request() {
        List<DiscoverySelector> selectors = new ArrayList<>();
        packages.forEach(name -> selectors.add(DiscoverySelectors.selectPackage(name)));
        classes.forEach(name -> selectors.add(DiscoverySelectors.selectClass(name)));
        methods.forEach(name -> selectors.add(DiscoverySelectors.selectMethod(name)));
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectors)
                .filters(EngineFilter.excludeEngines(POSTPATCH_ENGINE));
        if (!tags.isEmpty()) {
            request.filters(TagFilter.includeTags(tags));
        }
        if (!excludeTags.isEmpty()) {
            request.filters(TagFilter.excludeTags(excludeTags));
        }
        return request.build();
    }

    /** The selection as the probe file says it, for messages: {@code packages [com.acme.smoke] with tags [postpatch]}. */
    String describe() {
        List<String> parts = new ArrayList<>();
        if (!packages.isEmpty()) {
            parts.add("packages " + packages);
        }
        if (!classes.isEmpty()) {
            parts.add("classes " + classes);
        }
        if (!methods.isEmpty()) {
            parts.add("methods " + methods);
        }
        String selected = String.join(", ", parts);
        if (!tags.isEmpty()) {
            selected += " with tags " + tags;
        }
        if (!excludeTags.isEmpty()) {
            selected += " without tags " + excludeTags;
        }
        return selected;
    }
}
