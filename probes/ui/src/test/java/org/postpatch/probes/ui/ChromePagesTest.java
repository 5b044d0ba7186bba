package org.postpatch.probes.ui;

import java.nio.file.Path;
import static org.assertj.core.api.Assertions.assertThat;

/** The page behaviours in headless Chromium, whose pictures are PNG screenshots. */
class ChromePagesTest extends PagesContract {

    @Override
    String browser() {
        return "chrome";
    }

    @Override
    void assertPictureOf(Path file, String text) {
        assertThat(file.getFileName().toString()).endsWith(".png");
        Pictures.assertPng(file);
    }
}
