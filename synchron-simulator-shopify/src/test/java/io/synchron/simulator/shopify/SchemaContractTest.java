package io.synchron.simulator.shopify;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLType;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SchemaContractTest {

  @Test
  void everyImplementedFieldExistsInTheRealSchema() {
    var schema = AdminSchema.get().schema();
    for (Map.Entry<String, Set<String>> entry : ImplementedFields.BY_TYPE.entrySet()) {
      GraphQLType type = schema.getType(entry.getKey());
      assertThat(type).as(entry.getKey()).isInstanceOf(GraphQLFieldsContainer.class);
      for (String field : entry.getValue()) {
        assertThat(((GraphQLFieldsContainer) type).getFieldDefinition(field))
            .as(entry.getKey() + "." + field)
            .isNotNull();
      }
    }
  }

  @Test
  void theSchemaIsLoadedOncePerJvm() {
    assertThat(AdminSchema.get()).isSameAs(AdminSchema.get());
  }

  @Test
  void defaultOptionsAreTheDocumentedOnes() {
    ShopifySimulator.Options options = ShopifySimulator.Options.defaults();

    assertThat(options.port()).isZero();
    assertThat(options.shopDomain()).isEqualTo("sandbox-store.myshopify.com");
    assertThat(options.accessToken()).isEqualTo("shpat_sandbox");
    assertThat(options.clock()).isEqualTo(Clock.systemUTC());
    assertThat(options.bucketSize()).isEqualTo(2000);
    assertThat(options.restoreRate()).isEqualTo(100);
    assertThat(options.searchIndexLag()).isEqualTo(Duration.ZERO);
    assertThat(options.uniqueIdMetafieldEnforced()).isTrue();
  }

  @Test
  void aSimulatorReportsItsLoopbackAddressAndIdentity() {
    try (ShopifySimulator simulator =
        ShopifySimulator.start(
            ShopifySimulator.Options.defaults()
                .withShopDomain("other.myshopify.com")
                .withAccessToken("shpat_other"))) {
      assertThat(simulator.adminBaseUrl()).matches("http://127\\.0\\.0\\.1:\\d+");
      assertThat(simulator.shopDomain()).isEqualTo("other.myshopify.com");
      assertThat(simulator.accessToken()).isEqualTo("shpat_other");
      assertThat(simulator.apiVersion()).isEqualTo("2026-07");
    }
  }
}
