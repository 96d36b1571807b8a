package io.synchron;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Synchron: keeps marketplace orders and a Shopify store in step. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class SynchronApplication {

  public static void main(String[] args) {
    SpringApplication.run(SynchronApplication.class, args);
  }
}
