package org.postpatch.probes.http.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.postpatch.probes.http.expect.JsonPath;
import org.postpatch.probes.http.expect.jsonpath.Node;

/**
 * Compares a response with its snapshot, path by path in document order: objects member by member,
 * arrays element by element (by index), scalars by value (numbers numerically). The snapshot's noise
 * and the probe's {@code ignore} paths are left out; where the snapshot was cut, only what it kept
 * is compared. A changed status is the only difference reported: the rest would follow from it.
 */
final class SnapshotDiff {

    private final RecordedSnapshot baseline;
    private final Set<String> whole = new HashSet<>();
    private final Set<String> values = new HashSet<>();
    private final List<Difference> differences = new ArrayList<>();

    private SnapshotDiff(RecordedSnapshot baseline) {
        this.baseline = baseline;
    }

    /** Every difference between the snapshot and the observation {@code now}, in document order. */
    static List<Difference> between(RecordedSnapshot baseline, JsonNode now, List<JsonPath> ignore) {
        SnapshotDiff diff = new SnapshotDiff(baseline);
        JsonNode was = baseline.response();
        for (JsonNode tree : List.of(was, now)) {
            diff.select(baseline.noise().whole(), tree, diff.whole);
            diff.select(baseline.noise().values(), tree, diff.values);
            JsonNode body = tree.get("json");
            if (body != null) {
                for (JsonPath path : ignore) {
                    path.select(body).forEach(node -> diff.whole.add("$['json']" + node.normalizedPath().substring(1)));
                }
            }
        }
        diff.compare(was, now);
        return diff.differences;
    }

    private void select(List<String> paths, JsonNode tree, Set<String> into) {
        for (String path : paths) {
            JsonPath.parseStrictly(path).select(tree).forEach(node -> into.add(node.normalizedPath()));
        }
    }

    private void compare(JsonNode was, JsonNode now) {
        Node root = Node.root(was);
        member(root, "$", "status", now);
        if (!differences.isEmpty()) {
            return;
        }
        member(root, "$", "headers", now);
        String wasKind = Observation.bodyKind(was);
        String nowKind = Observation.bodyKind(now);
        if (!wasKind.equals(nowKind)) {
            if (!whole.contains(Paths.member("$", wasKind)) && !whole.contains(Paths.member("$", nowKind))) {
                differences.add(new Difference(Difference.Change.BODY, List.of(), TextNode.valueOf(wasKind),
                        TextNode.valueOf(nowKind), false));
            }
        } else if (!wasKind.equals("empty")) {
            member(root, "$", wasKind, now);
        }
    }

    /** Compares member {@code name} of the recorded object at {@code parent} with the one in {@code now}. */
    private void member(Node parent, String path, String name, JsonNode now) {
        JsonNode recorded = parent.value().get(name);
        JsonNode current = now.get(name);
        String at = Paths.member(path, name);
        if (recorded == null) {
            if (current != null && !whole.contains(at)) {
                add(Difference.Change.ADDED, new Node(current, parent, name, -1), null, current);
            }
        } else if (current == null) {
            if (!whole.contains(at)) {
                add(Difference.Change.REMOVED, new Node(recorded, parent, name, -1), recorded, null);
            }
        } else {
            walk(new Node(recorded, parent, name, -1), at, current);
        }
    }

    private void walk(Node was, String path, JsonNode now) {
        if (whole.contains(path)) {
            return;
        }
        JsonNode recorded = was.value();
        if (recorded.getNodeType() != now.getNodeType()) {
            add(Difference.Change.TYPE, was, recorded, now);
            return;
        }
        if (values.contains(path)) {
            return;
        }
        Integer kept = baseline.cut().get(path);
        if (recorded.isObject()) {
            recorded.fieldNames().forEachRemaining(name -> member(was, path, name, now));
            if (kept == null) {
                now.fieldNames().forEachRemaining(name -> {
                    if (!recorded.has(name)) {
                        member(was, path, name, now);
                    }
                });
            }
        } else if (recorded.isArray()) {
            for (int i = 0; i < recorded.size(); i++) {
                String at = Paths.element(path, i);
                Node element = new Node(recorded.get(i), was, null, i);
                if (i < now.size()) {
                    walk(element, at, now.get(i));
                } else if (!whole.contains(at)) {
                    add(Difference.Change.REMOVED, element, recorded.get(i), null);
                }
            }
            for (int i = recorded.size(); kept == null && i < now.size(); i++) {
                if (!whole.contains(Paths.element(path, i))) {
                    add(Difference.Change.ADDED, new Node(now.get(i), was, null, i), null, now.get(i));
                }
            }
        } else if (!same(recorded, now)) {
            add(Difference.Change.VALUE, was, recorded, now);
        }
    }

    private void add(Difference.Change change, Node at, JsonNode was, JsonNode now) {
        boolean noise = was != null && values.contains(at.normalizedPath());
        differences.add(new Difference(change, Paths.steps(at), was, now, noise));
    }

    /** Two scalars are the same: numbers by value ({@code 12.50} is {@code 12.5}), the rest exactly. */
    static boolean same(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }
}
