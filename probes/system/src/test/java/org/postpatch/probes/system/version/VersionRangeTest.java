package org.postpatch.probes.system.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VersionRangeTest {

    private static boolean accepts(String range, String version) {
        return VersionRange.parse(range).contains(Version.parse(version).orElseThrow());
    }

    @ParameterizedTest(name = "{0} accepts {1}")
    @CsvSource(delimiter = '|', value = {
        ">=2.17.1        | 2.17.1",
        ">=2.17.1        | 2.17.2",
        ">=2.17.1        | 3",
        ">2              | 2.0.1",
        "<=3             | 3.0.0",
        "<21             | 17.0.15+6-Debian-1deb12u1",
        "=2.3.1          | 2.3.1",
        "2.3.1           | 2.3.1.0",
        ">=17 <21        | 17.0.10",
        ">=17, <21       | 20.0.2",
        ">= 17.0.10      | 17.0.15",
        ">=17.0.10       | 25.0.1+8-LTS",
        "[2.17.1,)       | 2.17.1",
        "[17,21)         | 20.99",
        "(,3.0]          | 3.0",
        "[2.3.1]         | 2.3.1",
        "(1.0,2.0)       | 1.5",
        "[1.2,1.3),[2.0,)| 2.5",
        "[2.15,3)        | 2.15.2",
        ">=31.1          | 31.1-jre",
    })
    void acceptsVersionsInside(String range, String version) {
        assertThat(accepts(range.trim(), version.trim())).isTrue();
    }

    @ParameterizedTest(name = "{0} refuses {1}")
    @CsvSource(delimiter = '|', value = {
        ">=2.17.1        | 2.17.0",
        ">=2.17.1        | 2.14.1",
        ">2              | 2.0.0",
        "<=3             | 3.0.1",
        "<21             | 21",
        "=2.3.1          | 2.3.2",
        "2.3.1           | 2.3.10",
        ">=17 <21        | 21.0.1",
        ">=17 <21        | 11.0.22",
        ">=17.0.10       | 17.0.9",
        "[2.17.1,)       | 2.17.1-rc1",
        "[17,21)         | 21",
        "(,3.0]          | 3.0.1",
        "(1.0,2.0)       | 1.0",
        "(1.0,2.0)       | 2.0",
        "[1.2,1.3),[2.0,)| 1.5",
        ">=2.0.0         | 2.0.0-rc1",
    })
    void refusesVersionsOutside(String range, String version) {
        assertThat(accepts(range.trim(), version.trim())).isFalse();
    }

    @ParameterizedTest(name = "''{0}'' is not a range")
    @ValueSource(strings = {">=seventeen", "", "   ", "[17,21", "17,21)", "(2.0)", "[,]", ">=", "=>17", ">=17 <", "[1.0,x)",
        "~1.2", "latest"})
    void refusesTextThatIsNoRange(String text) {
        assertThatThrownBy(() -> VersionRange.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'" + text.trim() + "' is not a version range (like >=17.0.10, [2.17.1,), >=17 <21)");
    }

    @ParameterizedTest(name = "''{0}'' matches nothing")
    @ValueSource(strings = {">=21 <17", "[3,2]", "(2,2)", ">2 <2", "=1 =2"})
    void refusesRangesNoVersionCanMatch(String text) {
        assertThatThrownBy(() -> VersionRange.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'" + text + "' matches no version");
    }

    @ParameterizedTest
    @ValueSource(strings = {">=17 <21", "[2.17.1,)"})
    void keepsItsTextForMessages(String text) {
        assertThat(VersionRange.parse(text)).hasToString(text);
    }
}
