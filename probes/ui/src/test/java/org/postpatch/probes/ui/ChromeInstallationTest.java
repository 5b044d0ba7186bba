package org.postpatch.probes.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.api.ProbeStatus;
import org.postpatch.testkit.ProbeTestKit;
import org.postpatch.testkit.RenderedRun;

/** A machine without Chromium or its driver fails chrome probes saying what to install, and downloads nothing. */
class ChromeInstallationTest {

    @TempDir
    Path folder;

    private RenderedRun run(String settings) {
        SeleniumManagerTripwire.arm();
        return ProbeTestKit.in(folder).render("""
                suite: install
                probes:
                  - id: login
                    ui: { browser: chrome, %s, open: "http://127.0.0.1:1/" }
                """.formatted(settings));
    }

    @Test
    void missingChromedriverIsNamedWithThePackageAndTheSettingsToGiveIt() {
        long seleniumManagerRuns = SeleniumManagerTripwire.runs();
        RenderedRun run = run("driver: " + folder.resolve("no-chromedriver"));

        assertThat(run.probe("login").status()).isEqualTo(ProbeStatus.FAILED);
        assertThat(run.probe("login").message()).isEqualTo("chromedriver not found at " + folder.resolve("no-chromedriver")
                + " (no such file); install Debian's chromium-driver package, or give its path with driver: or "
                + "POSTPATCH_CHROMEDRIVER");
        assertThat(SeleniumManagerTripwire.runs()).isEqualTo(seleniumManagerRuns);
    }

    @Test
    void chromiumThatIsNotAnExecutableFileIsNamed() throws Exception {
        Path notExecutable = Files.writeString(folder.resolve("chromium"), "not a program");

        assertThat(run("binary: " + notExecutable).probe("login").message()).isEqualTo("Chromium not found at "
                + notExecutable + " (not executable); install Debian's chromium package, or give its path with binary: "
                + "or POSTPATCH_CHROMIUM");
        assertThat(run("binary: " + folder).probe("login").message()).startsWith("Chromium not found at " + folder
                + " (not a file)");
    }
}
