package org.postpatch.probes.ui.spec;

import org.postpatch.spi.Key;
import org.postpatch.spi.Shape;

/** The keys of a {@code ui} block, of its steps, element locators and expectations, as the kind declares them. */
public final class UiDeclaration {

    /** An element: a CSS selector, or a map with one of css, xpath, link or label. */
    static final Shape ELEMENT = Shape.either(Shape.string(), Shape.oneKeyOf(
            Key.optional("css", Shape.string(), "Elements matching the CSS selector."),
            Key.optional("xpath", Shape.string(), "Elements matching the XPath 1.0 expression (checked when the file is loaded)."),
            Key.optional("link", Shape.string(), "Links whose visible text is exactly this."),
            Key.optional("label", Shape.string(), "The form control a `<label>` with exactly this text names; also elements"
                    + " with this `aria-label`."))).documentedAs("ELEMENT");

    private static final Key TEXT = Key.optional("text", Shape.string(), "The page's visible text contains it.");
    private static final Key ELEMENT_KEY = Key.optional("element", ELEMENT, "At least one matching element is visible.");
    private static final Key TITLE = Key.optional("title", Shape.string(), "The page's title contains it.");
    private static final Key URL = Key.optional("url", Shape.string(), "The page's URL contains it.");
    private static final Key COUNT = Key.optional("count", Shape.wholeNumber(0, 100_000),
            "With `element`: exactly this many matching elements are visible (`see` and `wait` only).");

    /** What a page shows: a text, or a map with text, element (and count), title or url. */
    static final Shape EXPECTATION = Shape.either(Shape.string(), Shape.block(TEXT, ELEMENT_KEY, TITLE, URL, COUNT))
            .documentedAs("EXPECTATION");

    /** Fields by CSS selector ({@code { "#user": demo }}), or one element and what to put in it. */
    private static Shape fields(String what) {
        return Shape.either(Shape.mapOf(Shape.string()), Shape.block(
                Key.optional("css", Shape.string(), "The element by CSS selector."),
                Key.optional("xpath", Shape.string(), "The element by XPath."),
                Key.optional("link", Shape.string(), "The element by link text."),
                Key.optional("label", Shape.string(), "The element by its label."),
                Key.required(what, Shape.string(), "What to put in it.")));
    }

    /** One step of a walk: a map with exactly one of these keys. */
    static final Shape STEP = Shape.oneKeyOf(
            Key.optional("open", Shape.string().documentedAs("URL"), "Goes to a page; a relative URL is taken from the current page."),
            Key.optional("type", fields("text"), "Replaces the text of fields, typing as a user would."),
            Key.optional("select", fields("option"), "Picks the option of a `<select>` by its visible text."),
            Key.optional("click", ELEMENT, "Clicks the element."),
            Key.optional("submit", ELEMENT, "Submits the form the element is in (or the form itself)."),
            Key.optional("wait", Shape.block(
                    Key.optional("see", EXPECTATION, "Waits until the page shows it."),
                    Key.optional("notSee", EXPECTATION, "Waits until the page no longer shows it."),
                    TEXT, ELEMENT_KEY, TITLE, URL, COUNT,
                    Key.optional("within", Shape.duration(), "the probe's `within`", "How long to wait, cut to the time the probe has left.")),
                    "Polls until the expectation holds (or, for `notSee`, no longer holds); never just sleeps."),
            Key.optional("see", EXPECTATION, "Checks, once and now, that the page shows it."),
            Key.optional("notSee", EXPECTATION, "Checks, once and now, that the page does not show it."),
            Key.optional("noConsoleErrors", Shape.bool(), "Fails if the browser reported console errors since the probe began."),
            Key.optional("screenshot", Shape.string().documentedAs("name"), "Saves the page as it is now and attaches it to the result."));

    /** The {@code ui} block. */
    public static final Shape BLOCK = Shape.block(
            Key.required("open", Shape.string().documentedAs("URL"), "The first page: an absolute `http`, `https` or `file` URL."),
            Key.optional("steps", Shape.listOf(STEP).documentedAs("list"), "none", "The steps, run in order; the first that"
                    + " fails ends the probe. Without steps the probe checks that the page loads."),
            Key.optional("within", Shape.duration(), "`5s`", "How long an element step (`type`, `select`, `click`, `submit`)"
                    + " waits for its element, and the default bound of `wait`. Always cut to the time the probe has left."),
            Key.optional("browser", Shape.string().documentedAs("`htmlunit`, `chrome` or `remote`"), "`htmlunit` (`remote` when `remote` is given)",
                    "Which browser walks the pages; see [Browsers](#browsers)."),
            Key.optional("remote", Shape.string().documentedAs("URL"), "none", "`browser: remote` only: the Selenium Grid (or"
                    + " any WebDriver server), like `http://grid:4444`."),
            Key.optional("driver", Shape.string().documentedAs("path"), "`$POSTPATCH_CHROMEDRIVER`, else `/usr/bin/chromedriver`",
                    "`browser: chrome` only: the chromedriver executable."),
            Key.optional("binary", Shape.string().documentedAs("path"), "`$POSTPATCH_CHROMIUM`, else `/usr/bin/chromium`",
                    "`browser: chrome` only: the Chromium executable."));

    private UiDeclaration() {
    }
}
