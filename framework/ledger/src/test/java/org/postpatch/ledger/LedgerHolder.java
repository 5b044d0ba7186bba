package org.postpatch.ledger;

import java.sql.Connection;
import java.sql.DriverManager;

/**
 * A separate process that keeps an H2 ledger's file open until its standard input ends, as another
 * program using the file would (an H2 console, a long report). Args: the file's path without {@code .mv.db}.
 */
public final class LedgerHolder {

    private LedgerHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection held = DriverManager.getConnection("jdbc:h2:file:" + args[0], "sa", "")) {
            System.out.println("holding " + held.getMetaData().getURL());
            System.out.flush();
            while (System.in.read() >= 0) {
                // holds the file until the test closes this process's input
            }
        }
    }
}
