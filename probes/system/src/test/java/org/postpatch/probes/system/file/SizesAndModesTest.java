package org.postpatch.probes.system.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SizesAndModesTest {

    @ParameterizedTest(name = "{0} is {1} bytes")
    @CsvSource({
        "0, 0", "512, 512", "512B, 512", "10KB, 10240", "10kb, 10240", "10K, 10240", "10KiB, 10240",
        "5MB, 5242880", "1.5GB, 1610612736", "1GB, 1073741824", "2TB, 2199023255552", "'1 MB', 1048576",
    })
    void sizesAreReadWithOneThousandTwentyFourBasedUnits(String text, long bytes) {
        assertThat(Sizes.parse(text)).contains(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ten", "-1", "1XB", "MB", "1.5.2KB", ""})
    void textThatIsNoSizeIsRefused(String text) {
        assertThat(Sizes.parse(text)).isEmpty();
    }

    @Test
    void sizesAreFormattedForPeople() {
        assertThat(Sizes.format(1)).isEqualTo("1 byte");
        assertThat(Sizes.format(1023)).isEqualTo("1023 bytes");
        assertThat(Sizes.format(1536)).isEqualTo("1.5 KiB (1536 bytes)");
        assertThat(Sizes.format(10L * 1024 * 1024)).isEqualTo("10.0 MiB (10485760 bytes)");
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "0640, rw-r-----", "640, rw-r-----", "0o640, rw-r-----", "0755, rwxr-xr-x", "600, rw-------",
        "rw-r-----, rw-r-----", "0, ---------", "0777, rwxrwxrwx",
    })
    void modesAreReadInOctalOrSymbolically(String text, String permissions) {
        assertThat(FileMode.parse(text)).contains(PosixFilePermissions.fromString(permissions));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0999", "rw-r--r", "u=rw", "12345", "abc"})
    void textThatIsNoModeIsRefused(String text) {
        assertThat(FileMode.parse(text)).isEmpty();
    }

    @Test
    void specialBitsAreRefusedWithAnExplanation() {
        assertThatThrownBy(() -> FileMode.parse("2755")).hasMessageContaining("setuid, setgid and sticky bits cannot be checked");
    }

    @Test
    void modesAreFormattedInFourDigitOctal() {
        assertThat(FileMode.format(PosixFilePermissions.fromString("rw-r-----"))).isEqualTo("0640");
        assertThat(FileMode.format(PosixFilePermissions.fromString("rwxr-xr-x"))).isEqualTo("0755");
    }
}
