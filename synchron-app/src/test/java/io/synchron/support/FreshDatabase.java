package io.synchron.support;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a test context at a fresh database before any configuration is read, so that the embedded-PostgreSQL
 * fallback of the application sees a datasource URL and stays out of the way.
 */
public class FreshDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    String url = TestDatabase.freshUrl();
    context.getEnvironment().getPropertySources().addFirst(
        new MapPropertySource("fresh-test-database", Map.of(
            "spring.datasource.url", url,
            "spring.datasource.username", "postgres",
            "spring.datasource.password", "")));
  }
}
