package org.postpatch.probes.system.version;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VersionTest {

    private static Version v(String text) {
        return Version.parse(text).orElseThrow();
    }

    @Test
    void numericSegmentsCompareAsNumbers() {
        assertThat(v("17.0.10")).isGreaterThan(v("17.0.9"));
        assertThat(v("2.10")).isGreaterThan(v("2.9.9"));
        assertThat(v("100")).isGreaterThan(v("99.99"));
    }

    @Test
    void missingSegmentsAreZero() {
        assertThat(v("17")).isEqualByComparingTo(v("17.0.0"));
        assertThat(v("17")).isEqualTo(v("17.0.0")).hasSameHashCodeAs(v("17.0.0"));
        assertThat(v("17.0.1")).isGreaterThan(v("17"));
    }

    @Test
    void jvmVersionsCompareOnTheirNumericPart() {
        assertThat(v("17.0.15+6-Debian-1deb12u1")).isEqualByComparingTo(v("17.0.15"));
        assertThat(v("25.0.1+8-LTS")).isGreaterThan(v("25")).isLessThan(v("25.0.2"));
        assertThat(v("1.8.0_392")).isLessThan(v("17")).isGreaterThan(v("1.8.0_191"));
    }

    @Test
    void preReleasesSortBeforeTheRelease() {
        assertThat(v("2.0.0-rc1")).isLessThan(v("2.0.0"));
        assertThat(v("2.0.0-alpha1")).isLessThan(v("2.0.0-beta1"));
        assertThat(v("2.0.0-beta2")).isLessThan(v("2.0.0-RC1"));
        assertThat(v("2.0.0-rc1")).isLessThan(v("2.0.0-rc2"));
        assertThat(v("2.0.0-M3")).isLessThan(v("2.0.0-rc1"));
        assertThat(v("2.0.0-SNAPSHOT")).isLessThan(v("2.0.0")).isGreaterThan(v("2.0.0-rc1"));
        assertThat(v("21-ea")).isLessThan(v("21"));
        assertThat(v("2.0.0-rc1")).isGreaterThan(v("1.9.9"));
    }

    @Test
    void releaseWordsEqualTheRelease() {
        assertThat(v("5.6.15.Final")).isEqualByComparingTo(v("5.6.15"));
        assertThat(v("1.0-GA")).isEqualByComparingTo(v("1.0"));
        assertThat(v("5.3.2.RELEASE")).isEqualByComparingTo(v("5.3.2"));
    }

    @Test
    void otherQualifiersSortAfterTheReleaseAsInMaven() {
        assertThat(v("31.1-jre")).isGreaterThan(v("31.1")).isLessThan(v("31.2"));
        assertThat(v("5.3.2.SP1")).isGreaterThan(v("5.3.2"));
        assertThat(v("2.0.0-1")).isGreaterThan(v("2.0.0"));
    }

    @Test
    void textThatDoesNotStartWithANumberIsNoVersion() {
        assertThat(Version.parse("seventeen")).isEmpty();
        assertThat(Version.parse("")).isEmpty();
        assertThat(Version.parse("v1.2")).isEmpty();
        assertThat(Version.parse("1.2.")).isEmpty();
    }

    @Test
    void keepsTheTextAsWritten() {
        assertThat(v("17.0.15+6-Debian-1deb12u1")).hasToString("17.0.15+6-Debian-1deb12u1");
    }
}
