package org.postpatch.secret;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactorTest {

    private final Redactor redactor = new Redactor();

    @Test
    void registeredSecretsAreMaskedEverywhereTheyAppear() {
        redactor.add("hunter2");
        assertThat(redactor.redact("login with hunter2 failed; hunter2 again")).isEqualTo("login with **** failed; **** again");
    }

    @Test
    void longerSecretsAreMaskedWholeEvenWhenTheyContainShorterOnes() {
        redactor.add("abc");
        redactor.add("abcdef");
        assertThat(redactor.redact("x abcdef y abc")).isEqualTo("x **** y ****");
    }

    @Test
    void urlPasswordsAndSecretHeadersAreAlwaysMasked() {
        assertThat(redactor.redact("GET https://admin:pa55@orders.example/api failed"))
                .isEqualTo("GET https://admin:****@orders.example/api failed");
        assertThat(redactor.redact("Authorization: Bearer eyJabc.def")).isEqualTo("Authorization: ****");
        assertThat(redactor.redact("{\"Cookie\": \"SESSION=42\", \"x\": 1}")).isEqualTo("{\"Cookie\": \"****\", \"x\": 1}");
        assertThat(redactor.redact("jdbc:postgresql://db/orders?user=app&password=pw1")).isEqualTo(
                "jdbc:postgresql://db/orders?user=app&password=****");
    }

    @Test
    void ordinaryTextIsLeftAlone() {
        redactor.add("s3cr3t-value");
        assertThat(redactor.redact("expected status 200 but was 500")).isEqualTo("expected status 200 but was 500");
        assertThat(redactor.redact(null)).isNull();
    }
}
