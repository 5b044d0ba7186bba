package org.postpatch.probes.ui.walk;

import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.postpatch.probes.ui.spec.Locator;

/** Finds the elements a locator means on the current page. */
final class Finder {

    private static final String CONTROLS = ".//input|.//select|.//textarea|.//button";

    private final WebDriver driver;

    Finder(WebDriver driver) {
        this.driver = driver;
    }

    /** Every matching element, in document order (for a label: the controls it labels). */
    List<WebElement> all(Locator locator) {
        return switch (locator.strategy()) {
            case CSS -> driver.findElements(By.cssSelector(locator.value()));
            case XPATH -> driver.findElements(By.xpath(locator.value()));
            case LINK -> driver.findElements(By.linkText(locator.value()));
            case LABEL -> labelled(locator.value());
        };
    }

    /** Those of these elements that are displayed. */
    static List<WebElement> visible(List<WebElement> elements) {
        List<WebElement> shown = new ArrayList<>();
        for (WebElement element : elements) {
            try {
                if (element.isDisplayed()) {
                    shown.add(element);
                }
            } catch (StaleElementReferenceException replaced) {
                // the page changed under us; the next look sees the new one
            }
        }
        return shown;
    }

    /**
     * The controls labelled so: by a {@code <label>} whose text is exactly this (spaces collapsed),
     * through its {@code for} attribute or by containing the control, or by {@code aria-label}.
     */
    private List<WebElement> labelled(String text) {
        String literal = xpathLiteral(text.strip().replaceAll("\\s+", " "));
        List<WebElement> controls = new ArrayList<>();
        for (WebElement label : driver.findElements(By.xpath("//label[normalize-space(.)=" + literal + "]"))) {
            String target = label.getDomAttribute("for");
            controls.addAll(target == null || target.isBlank()
                    ? label.findElements(By.xpath(CONTROLS))
                    : driver.findElements(By.id(target)));
        }
        controls.addAll(driver.findElements(By.xpath("//*[@aria-label=" + literal + "]")));
        return controls;
    }

    /** The text as an XPath string literal, whatever quotes it contains. */
    static String xpathLiteral(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        if (!text.contains("\"")) {
            return "\"" + text + "\"";
        }
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }
}
