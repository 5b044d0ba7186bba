package org.postpatch.probes.http.expect.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** What one selector of a segment picks from a node: a member, an element, a slice, everything, or what a filter keeps. */
sealed interface Selector {

    void select(Node node, JsonNode root, List<Node> into);

    /** {@code .name} or {@code ['name']}: the member of an object. */
    record Name(String name) implements Selector {
        @Override
        public void select(Node node, JsonNode root, List<Node> into) {
            JsonNode value = node.value().isObject() ? node.value().get(name) : null;
            if (value != null) {
                into.add(node.member(name, value));
            }
        }
    }

    /** {@code [2]} or {@code [-1]} (from the end): the element of an array. */
    record Index(long index) implements Selector {
        @Override
        public void select(Node node, JsonNode root, List<Node> into) {
            JsonNode array = node.value();
            if (!array.isArray()) {
                return;
            }
            long position = index < 0 ? array.size() + index : index;
            if (position >= 0 && position < array.size()) {
                into.add(node.element((int) position, array.get((int) position)));
            }
        }
    }

    /** {@code *}: every member value of an object, every element of an array. */
    record Wildcard() implements Selector {
        @Override
        public void select(Node node, JsonNode root, List<Node> into) {
            into.addAll(node.children());
        }
    }

    /** {@code [start:end:step]}, each part optional, as RFC 9535 section 2.3.4.2 computes it. */
    record Slice(Long start, Long end, long step) implements Selector {
        @Override
        public void select(Node node, JsonNode root, List<Node> into) {
            JsonNode array = node.value();
            if (!array.isArray() || step == 0) {
                return;
            }
            long length = array.size();
            long first = start == null ? (step > 0 ? 0 : length - 1) : normalize(start, length);
            long last = end == null ? (step > 0 ? length : -length - 1) : normalize(end, length);
            if (step > 0) {
                long lower = Math.min(Math.max(first, 0), length);
                long upper = Math.min(Math.max(last, 0), length);
                for (long i = lower; i < upper; i += step) {
                    into.add(node.element((int) i, array.get((int) i)));
                }
            } else {
                long upper = Math.min(Math.max(first, -1), length - 1);
                long lower = Math.min(Math.max(last, -1), length - 1);
                for (long i = upper; lower < i; i += step) {
                    into.add(node.element((int) i, array.get((int) i)));
                }
            }
        }

        private static long normalize(long index, long length) {
            return index >= 0 ? index : length + index;
        }
    }

    /** {@code [?expression]}: the member values or elements for which the expression holds. */
    record Filter(Expressions.Logical expression) implements Selector {
        @Override
        public void select(Node node, JsonNode root, List<Node> into) {
            for (Node candidate : node.children()) {
                if (expression.test(candidate.value(), root)) {
                    into.add(candidate);
                }
            }
        }
    }
}
