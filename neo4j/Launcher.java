import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Runs Neo4j Community embedded with its Bolt connector, for development and tests.
 *
 * <p>Run with the JDK's single-file source launcher on the jars Maven fetched into neo4j/lib (see
 * neo4j/local-neo4j.ts, which builds the command line). Configuration comes from the environment:
 *
 * <ul>
 *   <li>NEO4J_PORT: Bolt port on 127.0.0.1 (default 7687; 0 is not allowed, the caller picks a free
 *       port so that it knows the address before the database is up)
 *   <li>NEO4J_DATA_DIR: the database folder (default .data/neo4j)
 *   <li>NEO4J_PAGECACHE_MB: page cache size (default 128)
 * </ul>
 *
 * <p>Prints one line {@code METROKARTTA_NEO4J_READY bolt://127.0.0.1:<port>} when Bolt accepts
 * connections. With the argument {@code --exit-on-stdin-close} it also shuts down when its standard
 * input closes, so that a parent process that dies without cleaning up (a killed test run) does not
 * leave an orphaned database holding the port and the store lock.
 */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(env("NEO4J_PORT", "7687"));
    if (port <= 0 || port > 65535) {
      throw new IllegalArgumentException("NEO4J_PORT must be between 1 and 65535, was " + port);
    }
    Path dataDir = Path.of(env("NEO4J_DATA_DIR", ".data/neo4j")).toAbsolutePath();
    long pageCacheMb = Long.parseLong(env("NEO4J_PAGECACHE_MB", "128"));
    Files.createDirectories(dataDir);

    long started = System.nanoTime();
    DatabaseManagementService dbms =
        new DatabaseManagementServiceBuilder(dataDir)
            .setConfig(BoltConnector.enabled, true)
            .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
            .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
            .setConfig(HttpConnector.enabled, false)
            // Loopback only and for one developer: authentication is off, as in Neo4j's own
            // embedded defaults. Deployments use the Docker image with a password.
            .setConfig(GraphDatabaseSettings.auth_enabled, false)
            .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb))
            // Small, fast-starting store: no 256 MiB preallocated transaction log files.
            .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
            .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, ByteUnit.mebiBytes(32))
            .setConfig(GraphDatabaseSettings.keep_logical_logs, "2 files")
            .build();

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("METROKARTTA_NEO4J_STOPPING");
                  dbms.shutdown();
                  stopped.countDown();
                },
                "neo4j-shutdown"));

    // Waiting for the default database makes the ready line mean "queries will run", not only
    // "the socket is open".
    dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally("RETURN 1");
    long millis = (System.nanoTime() - started) / 1_000_000;
    System.out.println(
        "METROKARTTA_NEO4J_READY bolt://127.0.0.1:" + port + " data=" + dataDir + " startup_ms=" + millis);
    System.out.flush();

    boolean exitOnStdinClose = args.length > 0 && "--exit-on-stdin-close".equals(args[0]);
    if (exitOnStdinClose) {
      drain(System.in);
      System.exit(0);
    }
    stopped.await();
  }

  private static void drain(InputStream in) {
    byte[] buffer = new byte[256];
    try {
      while (in.read(buffer) >= 0) {
        // Nothing is read from the parent; only the end of the stream matters.
      }
    } catch (IOException closed) {
      // A broken pipe means the parent is gone, same as end of stream.
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
