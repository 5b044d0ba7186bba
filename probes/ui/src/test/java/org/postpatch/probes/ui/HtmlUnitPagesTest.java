package org.postpatch.probes.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

/** The page behaviours in HtmlUnit, whose picture of a page is the page's HTML as the scripts left it. */
class HtmlUnitPagesTest extends PagesContract {

    @Override
    String browser() {
        return "htmlunit";
    }

    @Override
    void assertPictureOf(Path file, String text) {
        assertThat(file.getFileName().toString()).endsWith(".html");
        assertThat(Pictures.html(file)).contains("<html").contains(text);
    }
}
