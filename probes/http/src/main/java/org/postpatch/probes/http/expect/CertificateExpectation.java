package org.postpatch.probes.http.expect;

import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.postpatch.api.ProbeContext;

/** {@code certificate: { validFor: 14d }}: the server's certificate stays valid at least that long from now. */
public record CertificateExpectation(Duration validFor, String written) implements Expectation {

    @Override
    public void check(ReceivedResponse response, ProbeContext context, Mismatches mismatches) {
        if (response.certificates().isEmpty()) {
            mismatches.add("expected a certificate valid for " + written + " but " + response.authority()
                    + " answered over plain http");
            return;
        }
        Certificate leaf = response.certificates().get(0);
        if (!(leaf instanceof X509Certificate x509)) {
            mismatches.add("expected an X.509 certificate from " + response.authority() + " but found " + leaf.getType());
            return;
        }
        Instant notAfter = x509.getNotAfter().toInstant();
        Duration left = Duration.between(Instant.now(), notAfter);
        if (left.compareTo(validFor) >= 0) {
            return;
        }
        LocalDate date = LocalDate.ofInstant(notAfter, ZoneOffset.UTC);
        String host = response.uri().getHost();
        String when = left.isNegative() ? "expired " + span(left.negated()) + " ago" : "expires in " + span(left);
        mismatches.add("certificate of " + host + " " + when + " (" + date + "), expected at least " + written);
    }

    private static String span(Duration duration) {
        long days = duration.toDays();
        if (days >= 1) {
            return days + (days == 1 ? " day" : " days");
        }
        long hours = duration.toHours();
        return hours + (hours == 1 ? " hour" : " hours");
    }
}
