package org.postpatch.server;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The server's open connections: which are overdue, and which has waited longest. Used by the selector thread only. */
final class OpenConnections {

    private final Set<Connection> connections = new HashSet<>();

    void add(Connection connection) {
        connections.add(connection);
    }

    void remove(Connection connection) {
        connections.remove(connection);
    }

    int size() {
        return connections.size();
    }

    /** A copy: closing connections while going through them is the point. */
    List<Connection> all() {
        return new ArrayList<>(connections);
    }

    /** The ones past their deadline now (never one whose request is with a handler). */
    List<Connection> expired(long now) {
        List<Connection> expired = new ArrayList<>();
        for (Connection connection : connections) {
            if (connection.expired(now)) {
                expired.add(connection);
            }
        }
        return expired;
    }

    /** The connection that has waited longest for its next request, or null when every one has a request being answered. */
    Connection longestWaiting() {
        Connection oldest = null;
        for (Connection connection : connections) {
            if (connection.state == Connection.State.READING
                    && (oldest == null || connection.waitingSince - oldest.waitingSince < 0)) {
                oldest = connection;
            }
        }
        return oldest;
    }
}
