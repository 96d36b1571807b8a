package io.synchron.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A fresh, empty PostgreSQL database for each caller: on the machine's PostgreSQL at 127.0.0.1:5432 when one answers
 * (CI has one), otherwise on an embedded PostgreSQL started once per JVM, so a fresh machine passes too. Databases
 * are dropped when the JVM exits.
 */
public final class TestDatabase {

  private static final String LOCAL_ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
  private static String adminUrl;
  private static String baseUrl;
  private static EmbeddedPostgres embedded;
  private static final List<String> created = new ArrayList<>();

  private TestDatabase() {}

  /** The JDBC URL of a new database; user "postgres", no password. */
  public static synchronized String freshUrl() {
    ensureServer();
    String name = "synchron_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    execute(adminUrl, "create database " + name);
    created.add(name);
    return baseUrl + name;
  }

  /** Which server the tests use, for the test report. */
  public static synchronized String describe() {
    ensureServer();
    return embedded == null ? "local PostgreSQL at 127.0.0.1:5432" : "embedded PostgreSQL";
  }

  private static void ensureServer() {
    if (adminUrl != null) {
      return;
    }
    String forced = System.getProperty("synchron.test.db", System.getenv().getOrDefault("SYNCHRON_TEST_DB", ""));
    if (!"embedded".equals(forced) && localServerAnswers()) {
      adminUrl = LOCAL_ADMIN_URL;
      baseUrl = "jdbc:postgresql://127.0.0.1:5432/";
    } else {
      try {
        embedded = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("Could not start an embedded PostgreSQL for the tests", e);
      }
      adminUrl = embedded.getJdbcUrl("postgres", "postgres");
      baseUrl = "jdbc:postgresql://localhost:" + embedded.getPort() + "/";
    }
    Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::dropAll, "drop-test-databases"));
  }

  private static boolean localServerAnswers() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", 5432), 500);
    } catch (IOException e) {
      return false;
    }
    try (Connection c = DriverManager.getConnection(LOCAL_ADMIN_URL, "postgres", "")) {
      return c.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  private static synchronized void dropAll() {
    for (String name : created) {
      try {
        execute(adminUrl, "drop database if exists " + name + " with (force)");
      } catch (RuntimeException e) {
        // Best effort at exit: a database left behind is harmless and named for what it is.
      }
    }
    if (embedded != null) {
      try {
        embedded.close();
      } catch (IOException e) {
        // The process is exiting.
      }
    }
  }

  private static void execute(String url, String sql) {
    try (Connection c = DriverManager.getConnection(url, "postgres", "");
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("Test database statement failed: " + sql, e);
    }
  }
}
