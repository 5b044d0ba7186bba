package org.postpatch.probes.ui.walk;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.postpatch.probes.ui.spec.Condition;
import org.postpatch.probes.ui.spec.Expectation;

/** What the current page shows, as the see, notSee and wait steps judge it. */
final class PageView {

    private static final int EXCERPT = 120;
    private static final int LOOKS = 3;

    /** Whether a condition holds, and what was found, for the message when it does not. */
    record Observation(boolean met, String found) {
    }

    private final WebDriver driver;
    private final Finder finder;

    PageView(WebDriver driver, Finder finder) {
        this.driver = driver;
        this.finder = finder;
    }

    /**
     * Looks at the page once. A page that changes while it is being read (a navigation, a script
     * replacing elements) is read again, a few times at most.
     */
    Observation observe(Condition condition) {
        StaleElementReferenceException changing = null;
        for (int look = 0; look < LOOKS; look++) {
            try {
                return observeOnce(condition);
            } catch (StaleElementReferenceException changed) {
                changing = changed;
            }
        }
        throw changing;
    }

    private Observation observeOnce(Condition condition) {
        Expectation expectation = condition.expectation();
        if (expectation instanceof Expectation.Text text) {
            return text(text.text(), condition.present());
        }
        if (expectation instanceof Expectation.Element element) {
            return elements(element, condition.present());
        }
        if (expectation instanceof Expectation.Title title) {
            String found = title();
            boolean has = found.contains(title.part());
            return new Observation(has == condition.present(), "the title is '" + found + "'");
        }
        Expectation.Url url = (Expectation.Url) expectation;
        String found = url();
        boolean has = found.contains(url.part());
        return new Observation(has == condition.present(), "the URL is '" + found + "'");
    }

    private Observation text(String wanted, boolean present) {
        String page = text();
        String needle = normalize(wanted);
        int at = page.indexOf(needle);
        boolean has = at >= 0;
        if (has) {
            return new Observation(present, "it is on the page: \"" + around(page, at, needle.length()) + "\"");
        }
        return new Observation(!present, page.isEmpty() ? "the page shows no text"
                : "the page says \"" + excerpt(page) + "\"");
    }

    private Observation elements(Expectation.Element element, boolean present) {
        List<WebElement> all = finder.all(element.locator());
        int visible = Finder.visible(all).size();
        String hidden = all.size() > visible ? " (" + (all.size() - visible) + " more hidden)" : "";
        String found = (visible == 0 ? "no visible element matches" : visible + " visible " + (visible == 1 ? "element matches" : "elements match")) + hidden;
        if (element.count().isPresent()) {
            return new Observation(visible == element.count().getAsInt(), found);
        }
        return new Observation(present == visible > 0, found);
    }

    /** The visible text of the page, whitespace runs collapsed to one space. */
    String text() {
        try {
            return normalize(driver.findElement(By.tagName("body")).getText());
        } catch (NoSuchElementException noBody) {
            return "";
        }
    }

    String url() {
        try {
            String url = driver.getCurrentUrl();
            return url == null ? "" : url;
        } catch (WebDriverException gone) {
            return "";
        }
    }

    String title() {
        try {
            String title = driver.getTitle();
            return title == null ? "" : title;
        } catch (WebDriverException gone) {
            return "";
        }
    }

    /** {@code on http://host/login ('Sign in')} (no title when the page has none), for the end of a message. */
    static String where(String url, String title) {
        if (url.isEmpty()) {
            return "the page could not be read";
        }
        return "on " + url + (title.isEmpty() ? "" : " ('" + title + "')");
    }

    static String normalize(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }

    private static String excerpt(String text) {
        return text.length() <= EXCERPT ? text : text.substring(0, EXCERPT - 3) + "...";
    }

    private static String around(String text, int at, int length) {
        int half = Math.max(0, (EXCERPT - length) / 2);
        int from = Math.max(0, at - half);
        int to = Math.min(text.length(), at + length + half);
        return (from > 0 ? "..." : "") + text.substring(from, to) + (to < text.length() ? "..." : "");
    }
}
