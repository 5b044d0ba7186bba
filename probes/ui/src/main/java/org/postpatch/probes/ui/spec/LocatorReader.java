package org.postpatch.probes.ui.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.postpatch.spi.Spec;

/** Reads an element locator: a CSS selector as text, or a map with one of css, xpath, link or label. */
final class LocatorReader {

    /** A locator written as a text (CSS) or as a map with one locator key. */
    Optional<Locator> read(Spec value) {
        if (value.isScalar()) {
            return StepReader.nonBlank(value, "a CSS selector").map(Locator::css);
        }
        if (!value.isMap()) {
            value.problem("expected a CSS selector, or a map with css, xpath, link or label, found "
                    + value.describeType());
            return Optional.empty();
        }
        return readKeys(value);
    }

    /** The locator given by one of the keys css, xpath, link or label of this map. */
    Optional<Locator> readKeys(Spec map) {
        List<Locator.Strategy> given = new ArrayList<>();
        for (Locator.Strategy strategy : Locator.Strategy.values()) {
            if (map.has(strategy.key())) {
                given.add(strategy);
            }
        }
        if (given.size() != 1) {
            map.problem(given.isEmpty() ? "expected the element as one of css, xpath, link or label"
                    : "give the element one way, not " + given.stream().map(Locator.Strategy::key).toList());
            return Optional.empty();
        }
        Locator.Strategy strategy = given.get(0);
        Spec value = map.child(strategy.key()).orElseThrow();
        Optional<String> text = StepReader.nonBlank(value, "a text");
        if (text.isPresent() && strategy == Locator.Strategy.XPATH && !value.isDeferred()) {
            try {
                XPathFactory.newInstance().newXPath().compile(text.get());
            } catch (XPathExpressionException invalid) {
                value.problem("not a valid XPath: " + text.get());
                return Optional.empty();
            }
        }
        return text.map(t -> new Locator(strategy, t));
    }
}
