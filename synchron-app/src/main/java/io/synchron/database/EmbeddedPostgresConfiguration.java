package io.synchron.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * With no {@code spring.datasource.url}, Synchron runs on an embedded PostgreSQL whose data directory survives a
 * restart ({@code synchron.embedded-db.data-dir}, default {@code ./synchron-data/postgres}). With a URL, this
 * configuration stays out of the way and Spring Boot's own DataSource is used.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoDatasourceUrl.class)
public class EmbeddedPostgresConfiguration {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

  @Bean(destroyMethod = "close")
  EmbeddedPostgres embeddedPostgres(
      @Value("${synchron.embedded-db.data-dir:./synchron-data/postgres}") String dataDir,
      @Value("${synchron.embedded-db.port:0}") int port)
      throws IOException {
    Path dir = Path.of(dataDir).toAbsolutePath();
    Files.createDirectories(dir.getParent());
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false);
    if (port > 0) {
      builder.setPort(port);
    }
    EmbeddedPostgres postgres = builder.start();
    log.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(), dir);
    return postgres;
  }

  @Bean
  DataSource dataSource(EmbeddedPostgres postgres) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
    config.setUsername("postgres");
    config.setMaximumPoolSize(20);
    config.setPoolName("synchron-embedded");
    return new HikariDataSource(config);
  }

  static class NoDatasourceUrl implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
    }
  }
}
