package org.postpatch.ledger;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The ledger's tables, versioned: each version is a list of statements applied once, in order, in
 * one transaction, on start. Plain SQL that H2 and PostgreSQL both accept; times are epoch millis.
 */
final class Schema {

    /** The version this code writes. A ledger at a newer version is refused (written by a newer postpatch). */
    static final int CURRENT = 4;

    private static final List<List<String>> MIGRATIONS = List.of(
            List.of(
                    "create table if not exists pp_run ("
                            + " run_id varchar(100) not null, suite varchar(200) not null, target varchar(200) not null,"
                            + " kind varchar(16) not null, run_trigger varchar(16) not null,"
                            + " started_at_ms bigint not null, duration_ms bigint not null, verdict varchar(8) not null,"
                            + " interrupted boolean not null, timed_out boolean not null,"
                            + " fingerprint_digest varchar(64) not null, fingerprint varchar not null,"
                            + " patch_id varchar(200), app_version varchar(200), baseline_run_id varchar(100),"
                            + " rolled_back boolean not null, rolled_back_at_ms bigint, process_started_at_ms bigint,"
                            + " recorded_at_ms bigint not null,"
                            + " primary key (run_id, suite))",
                    "create index if not exists pp_run_by_suite on pp_run (suite, target, started_at_ms)",
                    "create table if not exists pp_probe ("
                            + " run_id varchar(100) not null, suite varchar(200) not null, position integer not null,"
                            + " probe_id varchar(200) not null, kind varchar(40) not null, severity varchar(16) not null,"
                            + " status varchar(16) not null, duration_ms bigint not null, last_attempt_ms bigint not null,"
                            + " attempts integer not null, message varchar, change varchar(16),"
                            + " primary key (run_id, suite, position))",
                    "create table if not exists pp_report (run_id varchar(100) not null primary key, report varchar not null)"),
            // 2: every sample of a probe run more than once, and what running a failure again showed.
            List.of(
                    "alter table pp_probe add column if not exists samples varchar",
                    "alter table pp_probe add column if not exists confirmation varchar(16)"),
            // 3: the fleet view reads a period of every target's runs: by start time, not by suite first.
            List.of("create index if not exists pp_run_by_time on pp_run (started_at_ms)"),
            // 4: what snapshot probes observed (baselines, self-tests), for later runs to compare with;
            // a table of its own, so that reading a run's probes never reads them.
            List.of(
                    "create table if not exists pp_snapshot ("
                            + " run_id varchar(100) not null, suite varchar(200) not null, probe_id varchar(200) not null,"
                            + " snapshot varchar not null,"
                            + " primary key (run_id, suite, probe_id))"));

    private Schema() {
    }

    /**
     * Checks that a ledger opened read-only can be read by this code: it has the schema this code
     * writes. It cannot be migrated, so an older or newer one is refused, saying why.
     */
    static void check(Connection connection, String description) throws SQLException {
        int version;
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select max(version) from pp_schema")) {
            version = rows.next() ? rows.getInt(1) : 0;
        } catch (SQLException noSchema) {
            String state = String.valueOf(noSchema.getSQLState());
            if (!state.startsWith("42S0") && !state.equals("42P01")) {
                throw noSchema;
            }
            throw new LedgerException("the ledger at " + description + " is read-only and holds no postpatch runs "
                    + "(no schema table)");
        }
        if (version != CURRENT) {
            throw new LedgerException("the ledger at " + description + " is read-only and its schema is version " + version
                    + (version > CURRENT ? ", newer than this postpatch reads (" + CURRENT + "); upgrade postpatch"
                    : ", older than this postpatch reads (" + CURRENT + "); make it writable once to migrate it"));
        }
    }

    /** Brings the schema to {@link #CURRENT}; safe when several processes start at once. */
    static void migrate(Connection connection, boolean postgres) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            if (postgres) {
                // Serialises concurrent migrations across processes; released at commit.
                statement.execute("select pg_advisory_xact_lock(7343000)");
            }
            statement.execute("create table if not exists pp_schema (version integer not null primary key,"
                    + " applied_at_ms bigint not null)");
            int version = 0;
            try (ResultSet rows = statement.executeQuery("select max(version) from pp_schema")) {
                if (rows.next()) {
                    version = rows.getInt(1);
                }
            }
            if (version > CURRENT) {
                throw new LedgerException("the ledger's schema is version " + version + ", newer than this postpatch ("
                        + CURRENT + "); upgrade postpatch");
            }
            for (int next = version + 1; next <= CURRENT; next++) {
                for (String sql : MIGRATIONS.get(next - 1)) {
                    statement.execute(sql);
                }
                statement.execute("insert into pp_schema (version, applied_at_ms) values (" + next + ", "
                        + System.currentTimeMillis() + ")");
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}
