package org.postpatch.probes.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a {@code jdbc} probe connects: the URL, the credentials and extra driver properties. Knows
 * which of its values are secret, and bounds the time a driver may spend connecting where the driver
 * lets it be told (PostgreSQL).
 */
record Database(String url, Optional<String> user, Optional<String> password, Map<String, String> properties) {

    /** Passwords written into a URL: {@code ?password=...}, {@code ;PASSWORD=...}, {@code //user:pw@host}. */
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)[?&;](?:password|pwd)=([^&;\\s]+)");
    private static final Pattern URL_USER_INFO = Pattern.compile("//[^/:@\\s]*:([^@/\\s]+)@");

    Database {
        properties = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** Without the password, and with passwords in the URL masked: a record would print them all. */
    @Override
    public String toString() {
        return "Database[url=" + masked(masked(url, URL_PASSWORD), URL_USER_INFO) + ", user=" + user.orElse("")
                + ", properties=" + properties.keySet() + "]";
    }

    private static String masked(String text, Pattern secretInGroupOne) {
        Matcher matcher = secretInGroupOne.matcher(text);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (matcher.find()) {
            out.append(text, last, matcher.start(1)).append("****");
            last = matcher.end(1);
        }
        return out.append(text.substring(last)).toString();
    }

    /** Every value that must never be shown: the password, passwords in the URL and password properties. */
    List<String> secrets() {
        List<String> secrets = new ArrayList<>();
        password.ifPresent(secrets::add);
        for (Pattern pattern : List.of(URL_PASSWORD, URL_USER_INFO)) {
            Matcher matcher = pattern.matcher(url);
            while (matcher.find()) {
                secrets.add(matcher.group(1));
            }
        }
        properties.forEach((key, value) -> {
            if (key.toLowerCase(Locale.ROOT).contains("password")) {
                secrets.add(value);
            }
        });
        return secrets;
    }

    /** Opens a connection, giving the driver at most {@code remaining} where it can be told so. */
    Connection connect(Duration remaining) throws SQLException {
        Connection connection = Drivers.forUrl(url).connect(url, connectionProperties(remaining));
        if (connection == null) {
            throw new SQLException("the JDBC driver refused this URL");
        }
        return connection;
    }

    Properties connectionProperties(Duration remaining) {
        Properties connection = new Properties();
        if (isPostgres()) {
            String seconds = String.valueOf(wholeSeconds(remaining));
            putUnlessSet(connection, "connectTimeout", seconds);
            putUnlessSet(connection, "loginTimeout", seconds);
            putUnlessSet(connection, "ApplicationName", "postpatch");
        }
        connection.putAll(properties);
        user.ifPresent(value -> connection.setProperty("user", value));
        password.ifPresent(value -> connection.setProperty("password", value));
        return connection;
    }

    private boolean isPostgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    private void putUnlessSet(Properties connection, String key, String value) {
        String lower = key.toLowerCase(Locale.ROOT);
        boolean inUrl = url.toLowerCase(Locale.ROOT).contains(lower + "=");
        boolean inProperties = properties.keySet().stream().anyMatch(name -> name.equalsIgnoreCase(key));
        if (!inUrl && !inProperties) {
            connection.setProperty(key, value);
        }
    }

    /** A timeout in whole seconds, rounded up and at least 1, as JDBC counts them. */
    static int wholeSeconds(Duration remaining) {
        long millis = Math.max(1, remaining.toMillis());
        return (int) Math.min(Integer.MAX_VALUE, (millis + 999) / 1000);
    }
}
