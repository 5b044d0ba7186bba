package org.postpatch.ledger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.postpatch.config.IoProblems;

/**
 * Opens ledgers from what operators write: a JDBC URL ({@code jdbc:postgresql://db/postpatch},
 * credentials in the URL or in {@code POSTPATCH_LEDGER_USER} / {@code POSTPATCH_LEDGER_PASSWORD}), a
 * file path for an H2 database, or {@code none}. The default is {@code ~/.postpatch/ledger}.
 */
public final class Ledgers {

    /** The value that turns recording off. */
    public static final String NONE = "none";

    /** What H2 appends to a file database's name. */
    private static final String H2_SUFFIX = ".mv.db";

    private Ledgers() {
    }

    /** The default location: {@code ~/.postpatch/ledger} (an H2 file database). */
    public static String defaultLocation() {
        return Path.of(System.getProperty("user.home"), ".postpatch", "ledger").toString();
    }

    /**
     * Whether the location names a file ledger that was never created (nothing was recorded there),
     * so that a command which only reads can say so instead of creating an empty one.
     */
    public static boolean notCreatedYet(String location) {
        String named = orDefault(location);
        return !named.equals(NONE) && !named.startsWith("jdbc:") && !Files.exists(Path.of(h2Base(named) + H2_SUFFIX));
    }

    private static String orDefault(String location) {
        return location == null || location.isBlank() ? defaultLocation() : location;
    }

    /** An H2 file ledger's path without the suffix H2 adds, absolute: what its JDBC URL names. */
    private static String h2Base(String location) {
        String file = Path.of(location).toAbsolutePath().toString();
        return file.endsWith(H2_SUFFIX) ? file.substring(0, file.length() - H2_SUFFIX.length()) : file;
    }

    /**
     * Opens the ledger at a location.
     *
     * @throws LedgerException when it cannot be used
     */
    public static Ledger open(String given) {
        String location = orDefault(given);
        if (location.equals(NONE)) {
            return none();
        }
        if (location.startsWith("jdbc:")) {
            return JdbcLedger.open(location, System.getenv("POSTPATCH_LEDGER_USER"), System.getenv("POSTPATCH_LEDGER_PASSWORD"));
        }
        return JdbcLedger.open(h2Url(location), H2_USER, "");
    }

    /** The user of an H2 file ledger (its password is empty). */
    static final String H2_USER = "sa";

    /** The JDBC URL of an H2 file ledger at a path, its folder created when missing. */
    static String h2Url(String location) {
        Path file = Path.of(location).toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
        } catch (java.io.IOException e) {
            throw new LedgerException("cannot create the folder of the ledger " + file + ": "
                    + IoProblems.describe(e), e);
        }
        // AUTO_SERVER: the first process serves the file to the others, so several can record at once.
        return "jdbc:h2:file:" + h2Base(location) + ";AUTO_SERVER=TRUE;AUTO_RECONNECT=TRUE";
    }

    /**
     * Opens the ledger, or returns one that records nothing when it cannot be opened, after telling
     * {@code warnings} why. Runs go on either way: a ledger problem never stops a self-test.
     */
    public static Ledger openOrWarn(String location, Consumer<String> warnings) {
        try {
            return open(location);
        } catch (LedgerException | IllegalArgumentException e) {
            warnings.accept("the ledger is unavailable, runs are not recorded: " + e.getMessage());
            return unavailable(e.getMessage());
        }
    }

    /** The ledger of {@code --ledger none}: records nothing, knows nothing, and does not complain. */
    public static Ledger none() {
        return new Ledger() {
            @Override
            public String describe() {
                return "none (recording is off)";
            }

            @Override
            public void record(List<LedgerRun> runs, String reportJson) {
            }

            @Override
            public List<LedgerRun> run(String runId) {
                return List.of();
            }

            @Override
            public Optional<String> report(String runId) {
                return Optional.empty();
            }

            @Override
            public Optional<LedgerRun> latest(String suite, String target, Set<RunKind> kinds) {
                return Optional.empty();
            }

            @Override
            public List<LedgerRun> history(String suite, String target, int limit) {
                return List.of();
            }

            @Override
            public boolean markRolledBack(String runId) {
                return false;
            }

            @Override
            public void close() {
            }
        };
    }

    /** A ledger that records nothing and says why when asked to. */
    public static Ledger unavailable(String reason) {
        return new Ledger() {
            @Override
            public String describe() {
                return "unavailable (" + reason + ")";
            }

            @Override
            public void record(List<LedgerRun> runs, String reportJson) {
                throw new LedgerException("the ledger is unavailable: " + reason);
            }

            @Override
            public List<LedgerRun> run(String runId) {
                throw new LedgerException("the ledger is unavailable: " + reason);
            }

            @Override
            public Optional<String> report(String runId) {
                throw new LedgerException("the ledger is unavailable: " + reason);
            }

            @Override
            public Optional<LedgerRun> latest(String suite, String target, Set<RunKind> kinds) {
                throw new LedgerException("the ledger is unavailable: " + reason);
            }

            @Override
            public List<LedgerRun> history(String suite, String target, int limit) {
                throw new LedgerException("the ledger is unavailable: " + reason);
            }

            @Override
            public boolean markRolledBack(String runId) {
                throw new LedgerException("the ledger is unavailable: " + reason);
            }

            @Override
            public void close() {
            }
        };
    }
}
