package org.postpatch.docs;

import java.util.List;
import java.util.stream.Collectors;
import org.postpatch.spi.Shape;

/** How a key table names a shape: "whole number 1–65535", "list of strings", "`none` or `follow`". */
final class ShapeNames {

    private ShapeNames() {
    }

    static String describe(Shape shape) {
        if (shape.documentedName().isPresent()) {
            return shape.documentedName().get();
        }
        return switch (shape.type()) {
            case STRING -> "string";
            case WHOLE_NUMBER -> "whole number" + bounds(shape);
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case DURATION -> "duration";
            case REGULAR_EXPRESSION -> "regular expression";
            case CHOICE -> words(shape.choices().stream().map(choice -> "`" + choice + "`").toList());
            case LIST -> "list of " + plural(shape.item().orElseThrow());
            case MAP -> "map of " + plural(shape.item().orElseThrow());
            case BLOCK -> "map";
            case EITHER -> words(shape.alternatives().stream().map(ShapeNames::describe).toList());
            case ANY -> "any value";
        };
    }

    private static String bounds(Shape shape) {
        boolean unbounded = shape.max() >= Integer.MAX_VALUE;
        if (unbounded) {
            return shape.min() <= 0 ? "" : " from " + shape.min();
        }
        return " " + shape.min() + "–" + shape.max();
    }

    private static String plural(Shape item) {
        String name = describe(item);
        if (item.documentedName().isEmpty() && item.type() == Shape.Type.WHOLE_NUMBER) {
            return "whole numbers" + bounds(item);
        }
        return name.endsWith("s") ? name : name + "s";
    }

    /** "a", "a or b", "a, b or c". */
    private static String words(List<String> words) {
        if (words.size() == 1) {
            return words.get(0);
        }
        return words.subList(0, words.size() - 1).stream().collect(Collectors.joining(", ")) + " or "
                + words.get(words.size() - 1);
    }
}
