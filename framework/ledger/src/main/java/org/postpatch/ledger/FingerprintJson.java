package org.postpatch.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.postpatch.report.JsonText;
import org.postpatch.report.ReportDocument;
import org.postpatch.result.Fingerprint;
import org.postpatch.secret.Redactor;

/** Fingerprints as stored in the ledger: the same JSON as in reports (digest, facts, jars). */
final class FingerprintJson {

    private FingerprintJson() {
    }

    /** Written without a mapper ({@link JsonText}): recording a run in a fresh process need not build one. */
    static String write(Fingerprint fingerprint) {
        return JsonText.compact(ReportDocument.fingerprint(fingerprint, new Redactor()));
    }

    static Fingerprint read(String json) {
        try {
            return ReportDocument.readFingerprint(Reading.MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            throw new LedgerException("a recorded fingerprint is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The mapper that reads, built when something is first read. */
    private static final class Reading {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
}
