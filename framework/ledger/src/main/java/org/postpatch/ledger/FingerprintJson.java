package org.postpatch.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.postpatch.report.ReportDocument;
import org.postpatch.result.Fingerprint;
import org.postpatch.secret.Redactor;

/** Fingerprints as stored in the ledger: the same JSON as in reports (digest, facts, jars). */
final class FingerprintJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private FingerprintJson() {
    }

    static String write(Fingerprint fingerprint) {
        try {
            return MAPPER.writeValueAsString(ReportDocument.fingerprint(fingerprint, new Redactor()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Fingerprint read(String json) {
        try {
            return ReportDocument.readFingerprint(MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            throw new LedgerException("a recorded fingerprint is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
