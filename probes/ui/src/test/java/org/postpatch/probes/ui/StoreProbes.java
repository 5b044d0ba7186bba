package org.postpatch.probes.ui;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.postpatch.api.Probe;

/** Java probes of the test site, as an application team would write them with {@link UiProbeContext}. */
public class StoreProbes {

    @Probe
    void signsIn(UiProbeContext ctx) {
        ctx.open("/login");
        WebDriver browser = ctx.browser();
        browser.findElement(By.id("user")).sendKeys("demo");
        browser.findElement(By.id("password")).sendKeys(ctx.variable("password").orElseThrow());
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        ctx.screenshot("orders");
        if (!browser.getTitle().equals("Orders")) {
            throw new AssertionError("expected the Orders page, found '" + browser.getTitle() + "'");
        }
    }

    @Probe(needs = "signsIn")
    void startsSignedOut(UiProbeContext ctx) {
        ctx.open(ctx.variable("base").orElseThrow() + "/visitor");
        String before = ctx.browser().findElement(By.id("before")).getText();
        if (!before.equals("Left before: nothing")) {
            throw new AssertionError("expected a fresh browser, found '" + before + "'");
        }
        if (ctx.browser() != ctx.browser()) {
            throw new AssertionError("expected the same browser on every call");
        }
    }

    @Probe
    void clicksAButtonThatIsNotThere(UiProbeContext ctx) {
        ctx.open("/login");
        ctx.browser().findElement(By.id("no-such-button")).click();
    }
}
