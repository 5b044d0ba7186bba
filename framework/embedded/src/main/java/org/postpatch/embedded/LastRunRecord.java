package org.postpatch.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.postpatch.ledger.Ledger;
import org.postpatch.ledger.LedgerException;
import org.postpatch.ledger.LedgerRun;
import org.postpatch.ledger.Ledgers;
import org.postpatch.report.JsonText;

/**
 * A small file next to an H2 file ledger ({@code ledger.mv.db}: {@code ledger.selftest.json}) saying
 * what the ledger held for one target when it was written: the last run of each of its suites, with
 * its fingerprint digest, and that run's report. It is valid only while the ledger file is byte for
 * byte what it was then ({@link LedgerFileStamp}): a run recorded since by any process, or anything
 * else written to the ledger, makes it stale. An application that restarts unchanged reads it to
 * know that nothing is due, instead of starting the ledger's database engine; when it is missing,
 * unreadable, stale, of another target or other suites, or names another fingerprint, the self-test
 * reads the ledger as it always did. The file is only a shortcut: deleting it costs one slower start.
 */
final class LastRunRecord {

    /** What the record's name adds to the ledger's, in place of H2's {@code .mv.db}. */
    static final String SUFFIX = ".selftest.json";

    private static final String MV_DB = ".mv.db";
    private static final int FORMAT = 1;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * Per H2 ledger file, in this JVM: the record's read-only look at the ledger takes it exclusively,
     * the self-tests' own use of the ledger ({@link LazyLedger}) shared. H2 shares one open database
     * between the connections of a JVM: a connection opened while the read-only one is open would get
     * that read-only database, and its writes would fail.
     */
    private static final ConcurrentHashMap<Path, ReadWriteLock> IN_THIS_JVM = new ConcurrentHashMap<>();

    private final String location;
    private final Path ledgerFile;
    private final Path file;

    private LastRunRecord(String location, Path ledgerFile) {
        this.location = location;
        this.ledgerFile = ledgerFile;
        String name = ledgerFile.getFileName().toString();
        this.file = ledgerFile.resolveSibling(name.substring(0, name.length() - MV_DB.length()) + SUFFIX);
    }

    /** The record of the ledger at {@code location}; empty when it is not an H2 file (PostgreSQL, none). */
    static Optional<LastRunRecord> forLedger(String location) {
        return Ledgers.h2File(location).map(ledgerFile -> new LastRunRecord(location, ledgerFile));
    }

    /** The lock of an H2 ledger file in this JVM (see {@link #IN_THIS_JVM}). */
    static ReadWriteLock lockOf(Path ledgerFile) {
        return IN_THIS_JVM.computeIfAbsent(ledgerFile, file -> new ReentrantReadWriteLock());
    }

    /** Where the record is. */
    Path file() {
        return file;
    }

    /**
     * The report of the last run when the record says that nothing is due: the ledger is unchanged
     * since it was written, and it names, for {@code target}, a last run of exactly {@code suites},
     * each on the fingerprint {@code digest}. Empty otherwise: the ledger must be read.
     */
    Optional<JsonNode> nothingDue(String target, Collection<String> suites, String digest) {
        JsonNode record;
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            record = JsonText.parse(Files.readString(file));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
        JsonNode runs = record.path("runs");
        if (record.path("format").asInt() != FORMAT || !record.path("target").asText().equals(target)
                || !record.path("lastRun").isObject() || runs.size() != Set.copyOf(suites).size()) {
            return Optional.empty();
        }
        for (String suite : suites) {
            if (!runs.path(suite).path("fingerprintDigest").asText().equals(digest)) {
                return Optional.empty();
            }
        }
        // Last, as it reads the whole ledger file: is the ledger still what the record says it was?
        Optional<LedgerFileStamp> now = LedgerFileStamp.of(ledgerFile);
        if (now.isEmpty() || now.get().bytes() != record.path("ledgerBytes").asLong()
                || !now.get().sha256().equals(record.path("ledgerSha256").asText())) {
            return Optional.empty();
        }
        return Optional.of(record.path("lastRun"));
    }

    /**
     * Reads the last run of each suite on {@code target} from the ledger again, without changing its
     * file, and writes the record — only when each has a last run that was not cut short, with a
     * report, and the ledger file did not change while it was read. Otherwise the record is removed.
     * Never throws: a record that cannot be written only makes the next start read the ledger.
     */
    void refresh(String target, Collection<String> suites) {
        try {
            Optional<ObjectNode> read = read(target, suites);
            if (read.isPresent()) {
                write(read.get());
            } else {
                Files.deleteIfExists(file);
            }
        } catch (IOException | RuntimeException notWritten) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // A record that cannot be removed is stale once the ledger changes: never trusted then.
            }
        }
    }

    private Optional<ObjectNode> read(String target, Collection<String> suites) {
        Optional<LedgerFileStamp> before = LedgerFileStamp.of(ledgerFile);
        if (before.isEmpty() || suites.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode record = NODES.objectNode().put("format", FORMAT).put("ledgerBytes", before.get().bytes())
                .put("ledgerSha256", before.get().sha256()).put("target", target);
        ObjectNode runs = record.putObject("runs");
        String lastRunId = null;
        ReadWriteLock inThisJvm = lockOf(ledgerFile);
        inThisJvm.writeLock().lock();
        try (Ledger ledger = Ledgers.openUnchanged(location)) {
            for (String suite : suites) {
                Optional<LedgerRun> latest = ledger.latest(suite, target, Set.of());
                if (latest.isEmpty() || latest.get().interrupted() || latest.get().timedOut()) {
                    return Optional.empty();
                }
                runs.putObject(suite).put("runId", latest.get().runId())
                        .put("fingerprintDigest", latest.get().fingerprint().digest());
                lastRunId = lastRunId == null ? latest.get().runId() : lastRunId;
            }
            Optional<String> report = ledger.report(lastRunId);
            if (report.isEmpty()) {
                return Optional.empty();
            }
            record.set("lastRun", JsonText.parse(report.get()));
        } catch (LedgerException | IOException unreadable) {
            return Optional.empty();
        } finally {
            inThisJvm.writeLock().unlock();
        }
        return before.equals(LedgerFileStamp.of(ledgerFile)) ? Optional.of(record) : Optional.empty();
    }

    /**
     * Replaces the record at once (a file beside it, then renamed over it): a reader sees the old one
     * or the new one. Not forced to the disk: a record torn by a crash does not parse, and one that
     * survived from before is stale, so either way the ledger is read.
     */
    private void write(ObjectNode record) throws IOException {
        Path written = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(written, JsonText.compact(record));
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(written);
        }
    }
}
