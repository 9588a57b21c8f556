package nexus.neo4j;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;

/**
 * Runs Neo4j Community embedded, with the Bolt connector on, for local
 * development and CI. Started in the background by {@code scripts/services up}.
 *
 * <p>Configuration comes from the environment (the password never goes on the
 * command line, where {@code ps} would show it):
 * <ul>
 *   <li>{@code NEO4J_HOME} – home directory; Neo4j keeps {@code data/} and
 *       {@code logs/} under it (required)</li>
 *   <li>{@code NEO4J_BOLT_HOST} / {@code NEO4J_BOLT_PORT} – Bolt listen address
 *       (default 127.0.0.1:7687)</li>
 *   <li>{@code NEO4J_PASSWORD} – password for user {@code neo4j} (required);
 *       applied through the system database at every start, so the stored
 *       password is always the one in force</li>
 *   <li>{@code NEO4J_PAGECACHE_MB} – page cache size (default 256)</li>
 * </ul>
 *
 * <p>Prints {@code NEO4J READY ...} on stdout once {@code RETURN 1} has run
 * through the embedded API and the Bolt port accepts connections; prints
 * {@code NEO4J FAILED: ...} and exits 1 if it cannot get there. A shutdown hook
 * stops the database cleanly on SIGTERM/SIGINT.
 */
public final class Neo4jLauncher {

    private Neo4jLauncher() {}

    public static void main(String[] args) {
        Path home;
        String host;
        int port;
        String password;
        long pageCacheMb;
        try {
            home = Path.of(required("NEO4J_HOME")).toAbsolutePath();
            host = env("NEO4J_BOLT_HOST", "127.0.0.1");
            port = Integer.parseInt(env("NEO4J_BOLT_PORT", "7687"));
            password = required("NEO4J_PASSWORD");
            pageCacheMb = Long.parseLong(env("NEO4J_PAGECACHE_MB", "256"));
        } catch (RuntimeException e) {
            fail("bad configuration: " + e.getMessage(), null);
            return;
        }

        log("starting (home " + home + ", bolt " + host + ":" + port + ")");
        DatabaseManagementService dbms;
        try {
            dbms = new DatabaseManagementServiceBuilder(home)
                    .setConfig(GraphDatabaseSettings.auth_enabled, true)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress(host, port))
                    .setConfig(BoltConnector.advertised_address, new SocketAddress(host, port))
                    .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                    .setConfig(HttpConnector.enabled, false)
                    .setConfig(HttpsConnector.enabled, false)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb))
                    // small dev footprint: no 256 MiB preallocated transaction log per database
                    .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                    .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, ByteUnit.mebiBytes(64))
                    .setConfig(GraphDatabaseSettings.keep_logical_logs, "128M size")
                    .setConfig(GraphDatabaseSettings.udc_enabled, false)
                    .build();
        } catch (Throwable t) {
            fail("could not start the database management service", t);
            return;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log("stopping");
            try {
                dbms.shutdown();
                log("stopped");
            } catch (Throwable t) {
                log("error while stopping: " + t);
            } finally {
                stopped.countDown();
            }
        }, "neo4j-shutdown"));

        try {
            setPassword(dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME), password);
            GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            long one = db.executeTransactionally("RETURN 1 AS one", Map.of(),
                    r -> ((Number) r.next().get("one")).longValue());
            if (one != 1) {
                throw new IllegalStateException("RETURN 1 gave " + one);
            }
            String version = db.executeTransactionally(
                    "CALL dbms.components() YIELD name, versions, edition "
                            + "RETURN name + ' ' + versions[0] + ' ' + edition AS v",
                    Map.of(), r -> String.valueOf(r.next().get("v")));
            waitForPort(host, port, Duration.ofSeconds(60));
            log("NEO4J READY bolt://" + host + ":" + port + " (" + version + ")");
        } catch (Throwable t) {
            fail("started but not usable", t);
            return; // the shutdown hook stops the dbms
        }

        try {
            stopped.await(); // until the shutdown hook has run
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sets the neo4j user's password; "same as before" is not an error. */
    private static void setPassword(GraphDatabaseService system, String password) {
        try {
            system.executeTransactionally(
                    "ALTER USER neo4j SET PLAINTEXT PASSWORD $pw CHANGE NOT REQUIRED",
                    Map.of("pw", password));
            log("password for user neo4j set");
        } catch (RuntimeException e) {
            if (messages(e).contains("cannot be the same")) {
                log("password for user neo4j unchanged");
            } else {
                throw e;
            }
        }
    }

    private static String messages(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            sb.append(c.getMessage()).append('\n');
        }
        return sb.toString();
    }

    private static void waitForPort(String host, int port, Duration timeout) throws IOException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(host, port), 1000);
                return;
            } catch (IOException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IOException("Bolt port " + host + ":" + port + " not accepting connections", e);
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", ie);
                }
            }
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isEmpty() ? fallback : v;
    }

    private static String required(String name) {
        String v = System.getenv(name);
        if (v == null || v.isEmpty()) {
            throw new IllegalArgumentException(name + " is not set");
        }
        return v;
    }

    private static void log(String msg) {
        System.out.println(LocalDateTime.now().withNano(0) + " neo4j-launcher: " + msg);
        System.out.flush();
    }

    private static void fail(String msg, Throwable t) {
        System.out.println(LocalDateTime.now().withNano(0) + " neo4j-launcher: NEO4J FAILED: " + msg
                + (t == null ? "" : ": " + t));
        if (t != null) {
            t.printStackTrace(System.out);
        }
        System.out.flush();
        // Runtime.exit runs the shutdown hook (if registered), which stops the dbms.
        System.exit(1);
    }
}
