package org.postpatch.ledger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import org.postpatch.config.IoProblems;
import org.postpatch.secret.Redactor;

/**
 * Opens ledgers from what operators write: a JDBC URL ({@code jdbc:postgresql://db/postpatch},
 * credentials in the URL or in {@code POSTPATCH_LEDGER_USER} / {@code POSTPATCH_LEDGER_PASSWORD}), a
 * file path for an H2 database, or {@code none}. The default is {@code ~/.postpatch/ledger}.
 */
public final class Ledgers {

    /** The value that turns recording off. */
    public static final String NONE = "none";

    /** The environment variable naming the ledger where no option does: a JDBC URL, an H2 file path or {@value #NONE}. */
    public static final String LOCATION_VARIABLE = "POSTPATCH_LEDGER";

    /** The environment variable that turns on stack traces and H2's own trace file. */
    public static final String DEBUG = "POSTPATCH_DEBUG";

    /** What H2 appends to a file database's name. */
    private static final String H2_SUFFIX = ".mv.db";

    /** A recording compacts the H2 file when it closes it only if less than this share of its chunks is live data. */
    static final int COMPACT_BELOW_FILL_PERCENT = 50;

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

    /** The location as given, or the default when none is given (null or blank). */
    public static String orDefault(String location) {
        return location == null || location.isBlank() ? defaultLocation() : location;
    }

    /**
     * The H2 database file of a location that names an H2 file ledger (a path, not {@value #NONE} nor a
     * JDBC URL), absolute, whether or not it exists yet; empty for any other location.
     */
    public static Optional<Path> h2File(String location) {
        String named = orDefault(location);
        if (named.equals(NONE) || named.startsWith("jdbc:")) {
            return Optional.empty();
        }
        return Optional.of(Path.of(h2Base(named) + H2_SUFFIX));
    }

    /**
     * Opens an H2 file ledger to read only, leaving its file exactly as it is: H2 otherwise writes to
     * the file each time it opens it, even for a read. Recording in it is refused.
     *
     * @throws LedgerException when it cannot be read (missing, older schema, other processes kept it busy)
     * @throws IllegalArgumentException when the location does not name an H2 file ledger
     */
    public static Ledger openUnchanged(String location) {
        Path file = h2File(location).orElseThrow(() -> new IllegalArgumentException("the ledger '" + location
                + "' is not an H2 file"));
        if (!Files.exists(file)) {
            throw new LedgerException("the ledger " + file + " does not exist");
        }
        String url = h2Url(h2Base(orDefault(location)), true);
        return JdbcLedger.open(url, url, h2Credentials(), file.toString(), true, LedgerAccess.PATIENCE);
    }

    private static Properties h2Credentials() {
        Properties credentials = new Properties();
        credentials.setProperty("user", "sa");
        credentials.setProperty("password", "");
        return credentials;
    }

    /** An H2 file ledger's path without the suffix H2 adds, absolute: what its JDBC URL names. */
    private static String h2Base(String location) {
        String file = Path.of(location).toAbsolutePath().toString();
        return file.endsWith(H2_SUFFIX) ? file.substring(0, file.length() - H2_SUFFIX.length()) : file;
    }

    /**
     * Opens the ledger at a location. An H2 file that cannot be written (H2's own test: the file
     * system refuses writes to it) is opened read-only: it can be read, and recording in it fails
     * saying that it is read-only.
     *
     * @throws LedgerException when it cannot be used
     */
    public static Ledger open(String given) {
        return open(given, LedgerAccess.PATIENCE);
    }

    /** Opens the ledger at a location, waiting at most {@code patience} for other processes to let go of it. */
    static Ledger open(String given, Duration patience) {
        String location = orDefault(given);
        if (location.equals(NONE)) {
            return none();
        }
        if (location.startsWith("jdbc:")) {
            Properties credentials = new Properties();
            putIfSet(credentials, "user", System.getenv("POSTPATCH_LEDGER_USER"));
            putIfSet(credentials, "password", System.getenv("POSTPATCH_LEDGER_PASSWORD"));
            return JdbcLedger.open(location, location, credentials, new Redactor().redact(location), false, patience);
        }
        String base = h2Base(location);
        Path file = Path.of(base + H2_SUFFIX);
        boolean readOnly = Files.exists(file) && !Files.isWritable(file);
        if (!Files.exists(file)) {
            Path folder = file.getParent();
            try {
                Files.createDirectories(folder);
            } catch (java.io.IOException e) {
                throw new LedgerException("cannot create the folder of the ledger " + file + ": "
                        + IoProblems.describe(e), e);
            }
            if (!Files.isWritable(folder)) {
                throw new LedgerException("cannot create the ledger " + file + ": its folder " + folder + " is not writable");
            }
        }
        Properties credentials = h2Credentials();
        String url = h2Url(base, readOnly);
        // H2 compacts the file for up to MAX_COMPACT_TIME (200 ms) each time it closes it: never after a
        // read; after a recording only when less than half of the file's chunks is live data. Compacting
        // after every recording made it cost 0.1–0.2 s in a fresh JVM; never compacting let a ledger of
        // 500 twenty-probe runs grow to 29 MB instead of 8 MB (with the threshold) or 7 MB (always).
        return JdbcLedger.open(url + ";MAX_COMPACT_TIME=0", url + ";AUTO_COMPACT_FILL_RATE=" + COMPACT_BELOW_FILL_PERCENT,
                credentials, file.toString(), readOnly, patience);
    }

    /**
     * The JDBC URL of an H2 file ledger. FILE_LOCK=FS: the operating system locks the file while a
     * process uses it (released even if that process is killed), so processes take turns, each
     * briefly, instead of racing over a lock file. H2's trace file is off unless debugging: it is
     * of no use to an operator, and when it cannot be written H2 prints stack traces to stderr.
     */
    private static String h2Url(String base, boolean readOnly) {
        return "jdbc:h2:file:" + base + ";FILE_LOCK=FS" + (readOnly ? ";ACCESS_MODE_DATA=r" : "")
                + (System.getenv(DEBUG) == null ? ";TRACE_LEVEL_FILE=0" : "");
    }

    private static void putIfSet(Properties properties, String key, String value) {
        if (value != null) {
            properties.setProperty(key, value);
        }
    }

    /**
     * Makes recording a run of about {@code probes} probes in the ledger at {@code location} cheaper in
     * this JVM, when that ledger is an H2 database: records such a run in a private in-memory H2
     * database, thrown away at once, so that the code is loaded and compiled (meant for a thread that
     * is otherwise idle while the run goes on). Touches no ledger; a failure is ignored.
     */
    public static void warmUpRecording(String location, int probes) {
        String named = orDefault(location);
        if (!named.equals(NONE) && (!named.startsWith("jdbc:") || named.startsWith("jdbc:h2:"))) {
            RecordingWarmUp.run(probes);
        }
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
            public Map<String, String> snapshots(String runId, String suite) {
                return Map.of();
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
            public Map<String, String> snapshots(String runId, String suite) {
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
