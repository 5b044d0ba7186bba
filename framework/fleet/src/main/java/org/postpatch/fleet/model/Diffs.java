package org.postpatch.fleet.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.postpatch.result.Fingerprint;

/**
 * Fingerprint diffs by digest, each computed once however many targets took the same patch: the
 * items are {@link Fingerprint#changesSince}'s, as {@code verify} prints them, the most telling first.
 */
final class Diffs {

    private final Map<String, Fingerprint> fingerprints;
    private final Map<String, List<Fingerprint.Change>> known = new HashMap<>();

    Diffs(Map<String, Fingerprint> fingerprints) {
        this.fingerprints = fingerprints;
    }

    List<Fingerprint.Change> between(String fromDigest, String toDigest) {
        return known.computeIfAbsent(fromDigest + ">" + toDigest, key -> {
            Fingerprint before = fingerprints.get(fromDigest);
            Fingerprint after = fingerprints.get(toDigest);
            if (before == null || after == null) {
                // Not expected (both are read with the period); the change is still shown, by digest.
                return List.of(new Fingerprint.Change("fingerprint", fromDigest, toDigest));
            }
            List<Fingerprint.Change> items = after.changesSince(before).stream().sorted(ChangeKind.SIGNIFICANCE).toList();
            // Equal facts and jars under different digests (a fingerprint written by another version).
            return items.isEmpty() ? List.of(new Fingerprint.Change("fingerprint", fromDigest, toDigest)) : items;
        });
    }
}
