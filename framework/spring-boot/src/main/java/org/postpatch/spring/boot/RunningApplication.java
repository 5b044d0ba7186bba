package org.postpatch.spring.boot;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;

/**
 * The application this JVM runs, for tests that the {@code junit} probe runs inside it: they reach
 * its beans ({@link #bean(Class)}) or call it over HTTP ({@link #localUrl()}) as a user would.
 * <p>
 * JUnit creates test classes itself, so those tests cannot be handed the application; this is the
 * bridge. It is set when the self-test starts (the web server is up by then) and cleared when it stops.
 * With several applications in one JVM (a test suite's cached contexts), the last one started wins.
 */
public final class RunningApplication {

    private static final AtomicReference<ApplicationContext> CURRENT = new AtomicReference<>();

    private RunningApplication() {
    }

    static void started(ApplicationContext context) {
        CURRENT.set(context);
    }

    static void stopped(ApplicationContext context) {
        CURRENT.compareAndSet(context, null);
    }

    /** The running application's context, if postpatch runs inside one in this JVM. */
    public static Optional<ApplicationContext> find() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** The running application's context. */
    public static ApplicationContext context() {
        return find().orElseThrow(() -> new IllegalStateException("no Spring Boot application with postpatch is running in"
                + " this JVM: these tests are meant to run inside the application, through its junit probe"));
    }

    /** A bean of the running application. */
    public static <T> T bean(Class<T> type) {
        return context().getBean(type);
    }

    /**
     * The base URL of the running application's web server on this machine, with its context path,
     * such as {@code http://localhost:8081}.
     */
    public static String localUrl() {
        Environment environment = context().getEnvironment();
        String port = environment.getProperty("local.server.port");
        if (port == null) {
            throw new IllegalStateException("the running application has no web server (local.server.port is not set)");
        }
        String address = environment.getProperty("server.address", "localhost");
        String host = address.equals("0.0.0.0") || address.equals("::") ? "localhost"
                : address.contains(":") ? "[" + address + "]" : address;
        String contextPath = environment.getProperty("server.servlet.context-path", "");
        return "http://" + host + ":" + port + (contextPath.equals("/") ? "" : contextPath);
    }
}
