package io.synchron.support;

import java.time.Instant;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** A settable clock for each test context. */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {

  @Bean
  @Primary
  MutableClock testClock() {
    // Starts at the real time, which the simulators keep, so that poll windows mean what they say.
    return new MutableClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
  }
}
