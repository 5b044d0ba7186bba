package org.postpatch.ledger;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.postpatch.result.Fingerprint;
import org.postpatch.result.Verdict;

/**
 * Records a run like the one to come in a private in-memory H2 database, thrown away at once, so
 * that the code which records it in the ledger is loaded and compiled before the run ends: in a
 * fresh JVM writing a run of 200 probes the first time takes several times as long as the second.
 * No file is touched and no lock taken; a failure here is of no consequence and is ignored.
 */
final class RecordingWarmUp {

    /** Enough rows for the JIT to compile the insert path; more would only cost time. */
    private static final int MOST_PROBES = 200;

    private RecordingWarmUp() {
    }

    static void run(int probes) {
        Properties credentials = new Properties();
        credentials.setProperty("user", "sa");
        credentials.setProperty("password", "");
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:", credentials)) {
            Schema.migrate(connection, false);
            connection.setAutoCommit(false);
            RunRows.insert(connection, List.of(likeTheRun(Math.min(Math.max(probes, 1), MOST_PROBES))), () -> "{}");
            connection.commit();
        } catch (SQLException | RuntimeException ignored) {
            // Only a warm-up: the real recording says what is wrong, if anything is.
        }
    }

    private static LedgerRun likeTheRun(int probes) {
        List<LedgerProbe> rows = new ArrayList<>();
        for (int i = 0; i < probes; i++) {
            rows.add(new LedgerProbe("probe-" + i, "http", "error", "PASSED", 3, 3, 1, "GET /item/" + i + " -> 200", null));
        }
        return new LedgerRun("warm-up", "warm-up", "warm-up", RunKind.RUN, Trigger.COMMAND_LINE, Instant.now(),
                Duration.ZERO, Verdict.PASS, false, false, new Fingerprint(Map.of("warm", "up")), null, false, null, rows);
    }
}
