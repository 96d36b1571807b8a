package io.synchron.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at /v3/api-docs, generated from the controllers so it cannot drift from them. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  @Bean
  OpenAPI synchronOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Synchron API")
                .version("0.1")
                .description(
                    "Marketplace orders and their Shopify orders: both sides' states, timelines, the exceptions a"
                        + " person can act on (accept, refuse, retry, dismiss) and the channels' polling status."
                        + " Errors are RFC 9457 problem documents; wrong-state calls answer 409 with the current"
                        + " state.")
                .license(new License().name("Apache-2.0")));
  }
}
