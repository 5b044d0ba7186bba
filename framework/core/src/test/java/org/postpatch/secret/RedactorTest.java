package org.postpatch.secret;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

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
    void secretShapesAreMaskedInAnyCaseWithNoSecretRegistered() {
        assertThat(redactor.redact("HTTPS://Admin:Pa55@orders.example/")).isEqualTo("HTTPS://Admin:****@orders.example/");
        assertThat(redactor.redact("PROXY-AUTHORIZATION= Bearer x1")).isEqualTo("PROXY-AUTHORIZATION= ****");
        assertThat(redactor.redact("set-COOKIE: id=9")).isEqualTo("set-COOKIE: ****");
        assertThat(redactor.redact("db;PWD=pw1;x")).isEqualTo("db;PWD=****;x");
        assertThat(redactor.redact("url?PassWord=pw2")).isEqualTo("url?PassWord=****");
        String credential = Base64.getEncoder().encodeToString("u:pw".getBytes(StandardCharsets.UTF_8));
        assertThat(redactor.redact("sent BASIC " + credential)).isEqualTo("sent BASIC ****");
        assertThat(redactor.redact("GET http://127.0.0.1:8080/item/7 -> 200")).isEqualTo("GET http://127.0.0.1:8080/item/7 -> 200");
    }

    @Test
    void ordinaryTextIsLeftAlone() {
        redactor.add("s3cr3t-value");
        assertThat(redactor.redact("expected status 200 but was 500")).isEqualTo("expected status 200 but was 500");
        assertThat(redactor.redact(null)).isNull();
    }

    private static final String GENERATED = "formCANARY/+=& \"q\\<>'";

    @Test
    void urlEncodedFormsAreMaskedWithPlusOrPercentTwentyAndEitherHexCase() {
        redactor.add(GENERATED);
        String plus = URLEncoder.encode(GENERATED, StandardCharsets.UTF_8);
        String percent = plus.replace("+", "%20");
        assertThat(plus).isEqualTo("formCANARY%2F%2B%3D%26+%22q%5C%3C%3E%27");

        assertThat(redactor.redact("pw=" + plus + "&x=1")).isEqualTo("pw=****&x=1");
        assertThat(redactor.redact("GET http://h/p?pw=" + percent)).isEqualTo("GET http://h/p?pw=****");
        assertThat(redactor.redact("pw=" + percent.toLowerCase(java.util.Locale.ROOT).replace("canary", "CANARY")))
                .isEqualTo("pw=****");
        // Only partly encoded, as some clients leave / and = alone.
        assertThat(redactor.redact("pw=formCANARY/%2B=%26%20%22q%5C<>'")).isEqualTo("pw=****");
    }

    @Test
    void jsonEscapedFormsAreMaskedOnceOrTwiceEscaped() throws Exception {
        redactor.add(GENERATED);
        ObjectMapper json = new ObjectMapper();
        String once = json.writeValueAsString(java.util.Map.of("pw", GENERATED));
        String twice = json.writeValueAsString(java.util.Map.of("body", once));

        assertThat(redactor.redact(once)).isEqualTo("{\"pw\":\"****\"}");
        assertThat(redactor.redact(twice)).isEqualTo("{\"body\":\"{\\\"pw\\\":\\\"****\\\"}\"}");
        assertThat(redactor.redact("{\"pw\":\"formCANARY\\/+=\\u0026 \\\"q\\\\\\u003C\\u003e\\u0027\"}"))
                .isEqualTo("{\"pw\":\"****\"}");
    }

    @Test
    void htmlAndXmlEscapedFormsAreMasked() {
        redactor.add(GENERATED);
        assertThat(redactor.redact("<p>formCANARY/+=&amp; &quot;q\\&lt;&gt;&#39;</p>")).isEqualTo("<p>****</p>");
        assertThat(redactor.redact("<failure message=\"formCANARY/+=&#38; &#34;q\\&#60;&#x3E;&apos;\"/>"))
                .isEqualTo("<failure message=\"****\"/>");
    }

    @Test
    void nonAsciiSecretsAreMaskedInTheirEncodedForms() {
        redactor.add("p\u00e4ssw\u00f6rd!");
        assertThat(redactor.redact("pw=p%C3%A4ssw%C3%B6rd%21")).isEqualTo("pw=****");
        assertThat(redactor.redact("{\"pw\":\"p\\u00e4ssw\\u00f6rd!\"}")).isEqualTo("{\"pw\":\"****\"}");
        assertThat(redactor.redact("p&#228;ssw&#xf6;rd&#33;")).isEqualTo("****");
    }

    @Test
    void aSecretInsideABasicCredentialIsMaskedWhateverItsOffsetWithTheWholeCredential() {
        redactor.add(GENERATED);
        for (String user : java.util.List.of("admin", "ops", "root")) {
            String credential = Base64.getEncoder().encodeToString((user + ":" + GENERATED).getBytes(StandardCharsets.UTF_8));
            String urlSafe = Base64.getUrlEncoder().encodeToString((user + ":" + GENERATED).getBytes(StandardCharsets.UTF_8));
            assertThat(redactor.redact("{\"seen\":\"" + credential + "\"}")).as(user).isEqualTo("{\"seen\":\"****\"}");
            assertThat(redactor.redact("seen " + urlSafe + " here")).as(user).isEqualTo("seen **** here");
            assertThat(redactor.redact("seen=" + URLEncoder.encode(credential, StandardCharsets.UTF_8)))
                    .as(user).doesNotContain(credential.substring(12, 20));
        }
    }

    @Test
    void basicCredentialsAreMaskedEvenWhenTheSecretIsTooShortToSpotInBase64() {
        String credential = Base64.getEncoder().encodeToString("u:pw1".getBytes(StandardCharsets.UTF_8));
        assertThat(redactor.redact("sent Basic " + credential + ", got 401")).isEqualTo("sent Basic ****, got 401");
        assertThat(redactor.redact("Basic authentication is required")).isEqualTo("Basic authentication is required");
    }

    /** A guard against hanging (body excerpts are redacted over 64 KiB), not a performance goal. */
    @Test
    @Timeout(20)
    void aLongRunOfLettersIsNotScannedAgainFromEachLetter() {
        redactor.add(GENERATED);
        String body = "o".repeat(128 * 1024) + " https://admin:pa55@orders.example/";
        assertThat(redactor.redact(body)).endsWith(" https://admin:****@orders.example/");
    }

    @Test
    void shellQuotedFormsAreMasked() {
        redactor.add("it's $ecret`");
        assertThat(redactor.redact("/bin/sh -c 'echo '\\''it'\\''s $ecret`'\\'''"))
                .isEqualTo("/bin/sh -c 'echo '\\''****'\\'''");
        assertThat(redactor.redact("echo \"it's \\$ecret\\`\"")).isEqualTo("echo \"****\"");
    }

    @Test
    void textWithPercentSignsPlusesAndAmpersandsIsOtherwiseLeftAlone() {
        redactor.add(GENERATED);
        String ordinary = "100% of a+b & \\n <tag> took 5ms; Q29tbW9uIHRleHQ=";
        assertThat(redactor.redact(ordinary)).isEqualTo(ordinary);
    }
}
