package org.postpatch.fleet;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.postpatch.testing.PostgresServer;

/** Ledger locations for tests: a new H2 file, or a new database on a throwaway PostgreSQL server. */
public final class Ledgers4Tests {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private Ledgers4Tests() {
    }

    /** A location for {@code --ledger}: "h2" in the folder, or "postgresql" on the server (credentials in the URL). */
    public static String location(String database, Path folder, PostgresServer postgres) throws Exception {
        if (database.equals("h2")) {
            return folder.resolve("ledger-" + DATABASES.incrementAndGet()).toString();
        }
        String name = "fleet_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        postgres.psql("postgres", "create database " + name);
        return postgres.jdbcUrl(name) + "?user=" + PostgresServer.USER + "&password=" + PostgresServer.PASSWORD;
    }
}
