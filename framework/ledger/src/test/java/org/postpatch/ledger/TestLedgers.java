package org.postpatch.ledger;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.postpatch.testing.PostgresServer;

/** The ledgers a test runs against: an H2 file, a PostgreSQL database, or an H2 file written by the first schema. */
final class TestLedgers {

    private TestLedgers() {
    }

    /**
     * Opens a new ledger in {@code folder}: {@code h2}, {@code postgresql} (a new database of
     * {@code postgres}) or {@code h2-version-1} (created by the first version of the schema, then
     * migrated by opening it).
     */
    static Ledger open(String database, Path folder, PostgresServer postgres) throws Exception {
        switch (database) {
            case "postgresql" -> {
                String name = "ledger_" + Math.abs(folder.hashCode());
                postgres.psql("postgres", "create database " + name);
                return JdbcLedger.open(postgres.jdbcUrl(name), PostgresServer.USER, PostgresServer.PASSWORD);
            }
            case "h2-version-1" -> {
                String url = "jdbc:h2:file:" + folder.resolve("old") + ";AUTO_SERVER=TRUE";
                try (Connection connection = DriverManager.getConnection(url); Statement sql = connection.createStatement()) {
                    sql.execute("create table pp_schema (version integer not null primary key, applied_at_ms bigint not null)");
                    sql.execute("create table pp_probe (run_id varchar(100) not null, suite varchar(200) not null,"
                            + " position integer not null, probe_id varchar(200) not null, kind varchar(40) not null,"
                            + " severity varchar(16) not null, status varchar(16) not null, duration_ms bigint not null,"
                            + " last_attempt_ms bigint not null, attempts integer not null, message varchar,"
                            + " change varchar(16), primary key (run_id, suite, position))");
                    sql.execute("create table pp_run (run_id varchar(100) not null, suite varchar(200) not null,"
                            + " target varchar(200) not null, kind varchar(16) not null, run_trigger varchar(16) not null,"
                            + " started_at_ms bigint not null, duration_ms bigint not null, verdict varchar(8) not null,"
                            + " interrupted boolean not null, timed_out boolean not null,"
                            + " fingerprint_digest varchar(64) not null, fingerprint varchar not null,"
                            + " patch_id varchar(200), app_version varchar(200), baseline_run_id varchar(100),"
                            + " rolled_back boolean not null, rolled_back_at_ms bigint, process_started_at_ms bigint,"
                            + " recorded_at_ms bigint not null, primary key (run_id, suite))");
                    sql.execute("create table pp_report (run_id varchar(100) not null primary key, report varchar not null)");
                    sql.execute("insert into pp_schema values (1, 0)");
                }
                return JdbcLedger.open(url, null, null);
            }
            default -> {
                return Ledgers.open(folder.resolve("ledger").toString());
            }
        }
    }
}
