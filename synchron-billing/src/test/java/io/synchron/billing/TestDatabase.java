package io.synchron.billing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh PostgreSQL database with this module's migration applied: on the server at 127.0.0.1:5432 when it answers
 * (user postgres, trust authentication), else on an embedded PostgreSQL started once per JVM. Each database gets a
 * non-UTC session time zone so that time-zone bugs show.
 */
public final class TestDatabase {

  private static String serverUrl;
  private static EmbeddedPostgres embedded;

  private TestDatabase() {}

  public static synchronized DataSource fresh() {
    String base = server();
    String name = "billing_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection admin = DriverManager.getConnection(base + "postgres", "postgres", "")) {
      admin.createStatement().execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create test database " + name, e);
    }
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(base + name + "?options=-c%20TimeZone%3DAsia/Kathmandu");
    dataSource.setUser("postgres");
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    return dataSource;
  }

  private static String server() {
    if (serverUrl == null) {
      if (localServerAnswers()) {
        serverUrl = "jdbc:postgresql://127.0.0.1:5432/";
      } else {
        try {
          embedded = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
          throw new UncheckedIOException("No PostgreSQL at 127.0.0.1:5432 and no embedded one either", e);
        }
        serverUrl = "jdbc:postgresql://localhost:" + embedded.getPort() + "/";
      }
    }
    return serverUrl;
  }

  private static boolean localServerAnswers() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", 5432), 500);
    } catch (IOException e) {
      return false;
    }
    try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "")) {
      return c.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }
}
