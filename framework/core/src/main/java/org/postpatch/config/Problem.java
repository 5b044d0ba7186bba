package org.postpatch.config;

/**
 * One thing wrong with a probe file: where, in which probe (when known), and what was expected.
 */
public record Problem(SourceLocation location, String probeId, String message) {

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(location.toString()).append(": ");
        if (probeId != null) {
            text.append("probe '").append(probeId).append("': ");
        }
        return text.append(message).toString();
    }
}
