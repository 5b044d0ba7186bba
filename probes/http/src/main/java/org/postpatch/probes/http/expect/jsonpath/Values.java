package org.postpatch.probes.http.expect.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** Comparison of JSON values in filters (RFC 9535 section 2.3.5.2.2); null stands for Nothing. */
final class Values {

    private Values() {
    }

    /** Deep equality: numbers by value ({@code 1 == 1.0}), Nothing equal only to Nothing. */
    static boolean equal(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isTextual() && b.isTextual()) {
            return a.textValue().equals(b.textValue());
        }
        if (a.isBoolean() && b.isBoolean()) {
            return a.booleanValue() == b.booleanValue();
        }
        if (a.isNull() || b.isNull()) {
            return a.isNull() && b.isNull();
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!equal(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (Map.Entry<String, JsonNode> member : a.properties()) {
                JsonNode other = b.get(member.getKey());
                if (other == null || !equal(member.getValue(), other)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** {@code a < b}: only between two numbers or two strings (by Unicode scalar values); false otherwise. */
    static boolean less(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return false;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) < 0;
        }
        if (a.isTextual() && b.isTextual()) {
            return compareCodePoints(a.textValue(), b.textValue()) < 0;
        }
        return false;
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
