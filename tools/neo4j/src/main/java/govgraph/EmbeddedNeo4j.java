package govgraph;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.config.Setting;
import org.neo4j.logging.Level;
import org.neo4j.logging.log4j.Log4jLogProvider;
import org.neo4j.server.configuration.ServerSettings;

/**
 * Test-only launcher: runs a real Neo4j Community server (embedded, Bolt and, on
 * request, HTTP) on 127.0.0.1 with authentication enabled.
 *
 * <pre>
 *   java ... govgraph.EmbeddedNeo4j [PORT [HOME_DIR [PASSWORD [HTTP_PORT]]]]
 * </pre>
 *
 * Without HTTP_PORT only Bolt listens. With it (0 = any free port) the HTTP connector
 * listens too: the embedded factory starts Neo4j's own web server (discovery document,
 * transactional and query APIs, and Neo4j Browser when its jar is on the classpath)
 * whenever that connector is enabled, and {@code HTTP http://127.0.0.1:PORT/} is
 * printed before the READY line.
 *
 * HOME_DIR is the Neo4j home: store files go to HOME_DIR/data, Neo4j's own
 * debug.log to HOME_DIR/logs. The password of user {@code neo4j} is set to PASSWORD
 * (no change required) before Bolt is announced. Once a client can connect, the line
 * {@code READY bolt://127.0.0.1:PORT} is printed on stdout. SIGTERM/SIGINT shut the
 * database down cleanly through a shutdown hook.
 */
public final class EmbeddedNeo4j {

    private static final String HOST = "127.0.0.1";

    private EmbeddedNeo4j() {}

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 7687;
        Path home = Path.of(args.length > 1 ? args[1] : "neo4j-home").toAbsolutePath();
        String password = args.length > 2 ? args[2] : "govgraph-test";
        int httpPort = args.length > 3 ? Integer.parseInt(args[3]) : -1;
        if (args.length > 4) {
            System.err.println("usage: EmbeddedNeo4j [PORT [HOME_DIR [PASSWORD [HTTP_PORT]]]]");
            System.exit(2);
        }
        Files.createDirectories(home);

        Log4jLogProvider userLog = new Log4jLogProvider(System.out, Level.INFO);
        long pageCache = Long.getLong("govgraph.neo4j.pagecache", 64L * 1024 * 1024);

        Map<Setting<?>, Object> config = new LinkedHashMap<>();
        config.put(BoltConnector.enabled, true);
        config.put(BoltConnector.listen_address, new SocketAddress(HOST, port));
        config.put(BoltConnector.advertised_address, new SocketAddress(HOST, port));
        config.put(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED);
        config.put(GraphDatabaseSettings.auth_enabled, true);
        // Tests deliberately use wrong passwords: never lock the user out (0 = no lock).
        config.put(GraphDatabaseSettings.auth_max_failed_attempts, 0);
        config.put(GraphDatabaseSettings.auth_minimum_password_length, 1);
        config.put(GraphDatabaseSettings.pagecache_memory, pageCache);
        config.put(GraphDatabaseSettings.preallocate_logical_logs, false);
        config.put(GraphDatabaseSettings.udc_enabled, false);
        config.put(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(2));
        // Both default to 5 s and are waited out in full on every shutdown.
        config.put(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(500));
        config.put(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(500));
        if (httpPort == 0) {
            httpPort = freePort();
        }
        if (httpPort > 0) {
            config.put(HttpConnector.enabled, true);
            config.put(HttpConnector.listen_address, new SocketAddress(HOST, httpPort));
            // The discovery document and the Browser's connect form give these addresses out.
            config.put(HttpConnector.advertised_address, new SocketAddress(HOST, httpPort));
            // Neo4j Browser reads this through dbms.clientConfig: no usage reports leave the machine.
            config.put(ServerSettings.allow_telemetry, false);
        }

        DatabaseManagementServiceBuilder builder =
                new DatabaseManagementServiceBuilder(home).setUserLogProvider(userLog).setConfig(config);

        long t0 = System.nanoTime();
        DatabaseManagementService dbms = builder.build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("STOPPING");
            System.out.flush();
            try {
                dbms.shutdown();
            } catch (RuntimeException e) {
                e.printStackTrace();
            } finally {
                System.out.println("STOPPED");
                System.out.flush();
                stopped.countDown();
            }
        }, "govgraph-neo4j-shutdown"));

        long built = System.nanoTime();
        try {
            setPassword(dbms, password);
            waitForPort(port, "Bolt", Duration.ofSeconds(60));
            if (httpPort > 0) {
                waitForPort(httpPort, "HTTP", Duration.ofSeconds(60));
            }
        } catch (Throwable e) {
            e.printStackTrace();
            System.err.flush();
            System.exit(1); // runs the shutdown hook
        }

        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("started in " + ms + " ms (database " + (built - t0) / 1_000_000
                + " ms), pid " + ProcessHandle.current().pid());
        if (httpPort > 0) {
            System.out.println("HTTP http://" + HOST + ":" + httpPort + "/");
        }
        System.out.println("READY bolt://" + HOST + ":" + port);
        System.out.flush();

        stopped.await(); // park the main thread until the JVM is told to exit
    }

    private static void setPassword(DatabaseManagementService dbms, String password) {
        try {
            dbms.database("system").executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
        } catch (RuntimeException e) {
            // Restarting on an existing store with the same password: nothing to change,
            // but make sure no password change is pending.
            if (String.valueOf(e.getMessage()).contains("same")) {
                System.out.println("password of user neo4j unchanged (already set)");
                dbms.database("system").executeTransactionally(
                        "ALTER USER neo4j SET PASSWORD CHANGE NOT REQUIRED");
            } else {
                throw e;
            }
        }
    }

    /** A port free on 127.0.0.1 right now (the JVM binds it moments later; a clash fails the start loudly). */
    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return s.getLocalPort();
        }
    }

    private static void waitForPort(int port, String what, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(HOST, port), 1000);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new IOException(what + " did not accept connections on " + HOST + ":" + port, e);
                }
                Thread.sleep(100);
            }
        }
    }
}
