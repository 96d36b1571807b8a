package io.synchron.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ShopifyAdminSchemaTest {

  private static final String ORDER_CREATE = """
      mutation OrderCreate($order: OrderCreateOrderInput!, $options: OrderCreateOptionsInput) {
        orderCreate(order: $order, options: $options) {
          order { id name totalPriceSet { shopMoney { amount currencyCode } } }
          userErrors { field message }
        }
      }
      """;

  private final ShopifyAdminSchema schema = ShopifyAdminSchema.get();

  private static final Map<String, Object> MUG = Map.of("title", "Mug", "quantity", 2,
      "priceSet", Map.of("shopMoney", Map.of("amount", "12.500", "currencyCode", "KWD")));

  private static Map<String, Object> mugWith(String field, Object value) {
    Map<String, Object> item = new HashMap<>(MUG);
    item.put(field, value);
    return item;
  }

  private static Map<String, Object> mugWithout(String field) {
    Map<String, Object> item = new HashMap<>(MUG);
    item.remove(field);
    return item;
  }

  private static Map<String, Object> variables(Map<String, Object> lineItem, String inventoryBehaviour) {
    return Map.of(
        "order", Map.of("currency", "KWD", "lineItems", List.of(lineItem)),
        "options", Map.of("inventoryBehaviour", inventoryBehaviour));
  }

  @Test
  void a_valid_orderCreate_document_passes() {
    assertThat(schema.validate(ORDER_CREATE)).isEmpty();
  }

  @Test
  void a_document_selecting_an_unknown_field_fails_naming_it() {
    assertThat(schema.validate("mutation { orderCreate(order: {}) { order { id marketplaceName } } }"))
        .singleElement().asString().contains("marketplaceName").contains("Order");
  }

  @Test
  void a_document_with_a_syntax_error_fails() {
    assertThat(schema.validate("mutation { orderCreate(")).singleElement().asString().contains("Invalid syntax");
  }

  @Test
  void a_document_using_an_undefined_variable_fails() {
    assertThat(schema.validate("mutation { orderCreate(order: $order) { order { id } } }"))
        .singleElement().asString().contains("UndefinedVariable").contains("'order'");
  }

  @Test
  void valid_orderCreate_variables_pass() {
    assertThat(schema.validateWithVariables(ORDER_CREATE, variables(MUG, "BYPASS"))).isEmpty();
  }

  @Test
  void an_inventory_behaviour_the_enum_does_not_have_fails_naming_the_value() {
    assertThat(schema.validateWithVariables(ORDER_CREATE, variables(MUG, "DECREMENT")))
        .singleElement().asString().contains("OrderCreateInputsInventoryBehavior").contains("DECREMENT");
  }

  @Test
  void a_line_item_without_quantity_fails_naming_the_field() {
    assertThat(schema.validateWithVariables(ORDER_CREATE,
        variables(mugWithout("quantity"), "BYPASS")))
        .singleElement().asString().contains("'quantity'").contains("Int!");
  }

  @Test
  void an_input_field_the_schema_does_not_define_fails_naming_it() {
    assertThat(schema.validateWithVariables(ORDER_CREATE,
        variables(mugWith("marketplaceSku", "X-1"), "BYPASS")))
        .singleElement().asString().contains("marketplaceSku");
  }

  @Test
  void a_missing_required_variable_fails() {
    assertThat(schema.validateWithVariables(ORDER_CREATE, Map.of())).singleElement().asString()
        .contains("'order'");
  }

  @Test
  void variables_are_not_coerced_when_the_document_is_invalid() {
    assertThat(schema.validateWithVariables("query { shop { nope } }", Map.of("x", 1)))
        .singleElement().asString().contains("nope");
  }

  @Test
  void variables_need_a_document_with_exactly_one_operation() {
    assertThat(schema.validateWithVariables("query A { shop { name } } query B { shop { id } }", Map.of()))
        .containsExactly("expected exactly one operation to coerce variables against, found 2");
  }

  @Test
  void the_schema_is_built_once() {
    assertThat(ShopifyAdminSchema.get()).isSameAs(schema);
  }
}
