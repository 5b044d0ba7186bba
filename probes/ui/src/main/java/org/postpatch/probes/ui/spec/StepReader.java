package org.postpatch.probes.ui.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.postpatch.config.Suggestions;
import org.postpatch.spi.Spec;

/** Reads one item of a {@code ui} probe's {@code steps}, reporting what is wrong with it where it is. */
final class StepReader {

    static final List<String> STEPS = List.of("open", "type", "select", "click", "submit", "wait", "see", "notSee",
            "noConsoleErrors", "screenshot");

    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    private final LocatorReader locators = new LocatorReader();

    Optional<Step> read(Spec item) {
        if (!item.isMap() || item.keys().size() != 1) {
            String found = item.isMap() ? item.keys().size() + " keys " + item.keys() : item.describeType();
            item.problem("expected one step with one key, like { click: \"#submit\" }, found " + found);
            return Optional.empty();
        }
        Map.Entry<String, Spec> entry = item.entries().entrySet().iterator().next();
        String name = entry.getKey();
        Spec value = entry.getValue();
        return switch (name) {
            case "open" -> nonBlank(value, "a URL").map(Step.Open::new);
            case "type" -> type(value);
            case "select" -> select(value);
            case "click" -> locators.read(value).map(Step.Click::new);
            case "submit" -> locators.read(value).map(Step.Submit::new);
            case "wait" -> waitStep(value);
            case "see" -> expectation(value, true).map(e -> new Step.Expect(Condition.see(e)));
            case "notSee" -> expectation(value, false).map(e -> new Step.Expect(Condition.notSee(e)));
            case "noConsoleErrors" -> noConsoleErrors(value);
            case "screenshot" -> screenshot(value);
            default -> {
                item.problem(name, "unknown step" + Suggestions.didYouMean(name, STEPS)
                        + "; the steps are " + String.join(", ", STEPS));
                yield Optional.empty();
            }
        };
    }

    private Optional<Step> type(Spec value) {
        if (value.isMap() && value.keys().contains("text")) {
            Optional<Locator> target = locators.readKeys(value);
            String text = value.string("text");
            return target.map(t -> new Step.Type(List.of(new Step.Field(t, text))));
        }
        List<Step.Field> fields = new ArrayList<>();
        forEachSelector(value, "type: { \"#user\": demo } or type: { label: User name, text: demo }",
                (selector, text) -> fields.add(new Step.Field(Locator.css(selector), text)));
        return fields.isEmpty() ? Optional.empty() : Optional.of(new Step.Type(fields));
    }

    private Optional<Step> select(Spec value) {
        if (value.isMap() && value.keys().contains("option")) {
            Optional<Locator> target = locators.readKeys(value);
            String option = value.string("option");
            return target.map(t -> new Step.Select(List.of(new Step.Choice(t, option))));
        }
        List<Step.Choice> choices = new ArrayList<>();
        forEachSelector(value, "select: { \"#country\": France } or select: { label: Country, option: France }",
                (selector, option) -> choices.add(new Step.Choice(Locator.css(selector), option)));
        return choices.isEmpty() ? Optional.empty() : Optional.of(new Step.Select(choices));
    }

    private static void forEachSelector(Spec value, String example, java.util.function.BiConsumer<String, String> each) {
        if (!value.isMap() || value.keys().isEmpty()) {
            value.problem("expected a map like " + example + ", found " + value.describeType());
            return;
        }
        value.entries().forEach((selector, text) -> {
            if (!text.isScalar()) {
                text.problem("expected the text for '" + selector + "', found " + text.describeType());
            } else if (selector.isBlank()) {
                text.problem("the CSS selector is empty");
            } else {
                each.accept(selector, text.text());
            }
        });
    }

    private Optional<Step> waitStep(Spec value) {
        if (!value.isMap()) {
            value.problem("expected what to wait for, like { see: Welcome, within: 5s }, found "
                    + (value.isScalar() ? "'" + value.text() + "'" : value.describeType())
                    + "; a ui probe never just sleeps");
            return Optional.empty();
        }
        Optional<java.time.Duration> within = UiSpecReader.positiveDuration(value, "within");
        boolean see = value.has("see");
        boolean notSee = value.has("notSee");
        Optional<Condition> condition;
        if (see && notSee) {
            value.problem("give either see or notSee, not both");
            condition = Optional.empty();
        } else if (see) {
            condition = value.child("see").flatMap(e -> expectation(e, true)).map(Condition::see);
        } else if (notSee) {
            condition = value.child("notSee").flatMap(e -> expectation(e, false)).map(Condition::notSee);
        } else if (ExpectationKeys.presentIn(value).isEmpty()) {
            value.problem("missing what to wait for: see, notSee, text, element, title or url");
            condition = Optional.empty();
        } else {
            condition = expectation(value, true).map(Condition::see);
        }
        return condition.map(c -> new Step.Wait(c, within));
    }

    private Optional<Expectation> expectation(Spec value, boolean countAllowed) {
        if (value.isScalar()) {
            return nonBlank(value, "a text").map(Expectation.Text::new);
        }
        if (!value.isMap()) {
            value.problem("expected a text, or a map with text, element, title or url, found " + value.describeType());
            return Optional.empty();
        }
        List<String> kinds = ExpectationKeys.presentIn(value);
        boolean hasCount = value.has("count");
        if (kinds.size() != 1) {
            value.problem(kinds.isEmpty() ? "expected one of text, element, title or url"
                    : "give one of " + String.join(", ", kinds) + ", not " + kinds.size());
            return Optional.empty();
        }
        String kind = kinds.get(0);
        if (hasCount && !kind.equals("element")) {
            value.problem("count", "applies only to element");
            return Optional.empty();
        }
        if (hasCount && !countAllowed) {
            value.problem("count", "notSee takes no count; to expect a number of elements use see: { element: ..., count: 2 }");
            return Optional.empty();
        }
        return switch (kind) {
            case "element" -> {
                OptionalInt count = value.optionalInteger("count", 0, 100_000)
                        .map(n -> OptionalInt.of(n.intValue())).orElse(OptionalInt.empty());
                yield value.child("element").flatMap(locators::read).map(l -> new Expectation.Element(l, count));
            }
            case "title" -> nonBlank(value.child("title").orElseThrow(), "a text").map(Expectation.Title::new);
            case "url" -> nonBlank(value.child("url").orElseThrow(), "a text").map(Expectation.Url::new);
            default -> nonBlank(value.child("text").orElseThrow(), "a text").map(Expectation.Text::new);
        };
    }

    private static Optional<Step> noConsoleErrors(Spec value) {
        if (value.isScalar() && ("true".equals(value.text()) || "false".equals(value.text()))) {
            return "true".equals(value.text()) ? Optional.of(new Step.NoConsoleErrors()) : Optional.empty();
        }
        value.problem("expected true, found " + (value.isScalar() ? "'" + value.text() + "'" : value.describeType()));
        return Optional.empty();
    }

    private static Optional<Step> screenshot(Spec value) {
        Optional<String> name = nonBlank(value, "a file name");
        if (name.isEmpty()) {
            return Optional.empty();
        }
        String fileName = name.get().replaceFirst("\\.(png|html)$", "");
        if (!FILE_NAME.matcher(fileName).matches()) {
            value.problem("expected a file name of letters, digits, '.', '_' and '-', like after-login, found '" + name.get() + "'");
            return Optional.empty();
        }
        return Optional.of(new Step.Screenshot(fileName));
    }

    static Optional<String> nonBlank(Spec value, String expected) {
        if (!value.isScalar()) {
            value.problem("expected " + expected + ", found " + value.describeType());
            return Optional.empty();
        }
        if (value.text().isBlank()) {
            value.problem("expected " + expected + ", found an empty text");
            return Optional.empty();
        }
        return Optional.of(value.text());
    }

    /** The keys that name what an expectation looks at. */
    private static final class ExpectationKeys {
        private static final List<String> ALL = List.of("text", "element", "title", "url");

        static List<String> presentIn(Spec map) {
            List<String> present = new ArrayList<>();
            for (String key : ALL) {
                if (map.has(key)) {
                    present.add(key);
                }
            }
            return present;
        }
    }
}
