package org.postpatch.probes.jdbc;

import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds the JDBC driver for a URL among the drivers registered with {@link DriverManager} and those
 * visible to the context class loader. Asking the driver directly avoids {@code DriverManager}'s
 * caller class loader check, which hides drivers of an application packaged as one fat jar, and its
 * JVM-wide login timeout, which would change the application's own connections.
 */
final class Drivers {

    private Drivers() {
    }

    static Driver forUrl(String url) throws SQLException {
        for (Driver driver : DriverManager.drivers().toList()) {
            if (accepts(driver, url)) {
                return driver;
            }
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try {
            for (Driver driver : ServiceLoader.load(Driver.class, loader != null ? loader : Drivers.class.getClassLoader())) {
                if (accepts(driver, url)) {
                    return driver;
                }
            }
        } catch (ServiceConfigurationError broken) {
            throw new SQLException("a JDBC driver on the classpath could not be loaded: " + broken.getMessage(), broken);
        }
        throw new SQLException("no JDBC driver on the classpath accepts this URL (add the database's driver jar)");
    }

    private static boolean accepts(Driver driver, String url) {
        try {
            return driver.acceptsURL(url);
        } catch (SQLException unusable) {
            return false;
        }
    }
}
