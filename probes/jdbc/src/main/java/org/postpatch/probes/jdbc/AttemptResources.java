package org.postpatch.probes.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CancellationException;

/**
 * The connection and statement of one attempt. They are closed when the attempt ends, whatever the
 * path, and also from another thread when the attempt is abandoned at its timeout: the running
 * statement is cancelled first, so the server stops working on it, then the connection is closed.
 * A connection or statement that arrives after the attempt was abandoned is closed at once.
 */
final class AttemptResources implements AutoCloseable {

    private Connection connection;
    private Statement statement;
    private boolean cancelled;

    /** Takes charge of a freshly opened connection. */
    Connection adopt(Connection opened) throws SQLException {
        synchronized (this) {
            if (!cancelled) {
                connection = opened;
                return opened;
            }
        }
        opened.close();
        throw new CancellationException("abandoned while connecting");
    }

    /** Takes charge of a freshly created statement. */
    Statement adopt(Statement created) throws SQLException {
        synchronized (this) {
            if (!cancelled) {
                statement = created;
                return created;
            }
        }
        created.close();
        throw new CancellationException("abandoned before the query was sent");
    }

    /** Stops the running statement on the server, then closes everything. Safe from any thread. */
    void cancel() {
        Statement running;
        synchronized (this) {
            cancelled = true;
            running = statement;
        }
        if (running != null) {
            try {
                running.cancel();
            } catch (SQLException | RuntimeException notCancellable) {
                // Closing the connection below still ends the statement.
            }
        }
        // The connection first: closing it unblocks a thread stuck reading from a server that hangs.
        release(true);
    }

    @Override
    public void close() {
        release(false);
    }

    private void release(boolean connectionFirst) {
        Statement openStatement;
        Connection openConnection;
        synchronized (this) {
            openStatement = statement;
            openConnection = connection;
            statement = null;
            connection = null;
        }
        if (connectionFirst) {
            closeQuietly(openConnection);
            closeQuietly(openStatement);
        } else {
            closeQuietly(openStatement);
            closeQuietly(openConnection);
        }
    }

    private static void closeQuietly(AutoCloseable resource) {
        if (resource == null) {
            return;
        }
        try {
            resource.close();
        } catch (Exception alreadyBroken) {
            // The resource is unusable either way; nothing more can be done with it.
        }
    }
}
