package io.synchron.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MiraklSellerSpecTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String OR11_EXAMPLES =
      "/paths/~1api~1orders/get/responses/200/content/application~1json/examples";
  private static final String OR21_EXAMPLES =
      "/paths/~1api~1orders~1{order_id}~1accept/put/requestBody/content/application~1json/examples";
  private static final String JSON_TYPE = "application/json";

  private static MiraklSellerSpec spec;
  private static JsonNode document;

  @BeforeAll
  static void loadSpec() {
    spec = MiraklSellerSpec.requireOrSkip();
    document = JSON.readTree(SharedFolder.find("specs/mirakl/mmp-seller-openapi.json").orElseThrow());
  }

  private static ObjectNode example(String examples, String name) {
    return (ObjectNode) document.at(examples).path(name).path("value").deepCopy();
  }

  private static List<String> or11(String query) {
    return spec.validateRequest("GET", "/api/orders", query, null, null);
  }

  private static List<String> or11Response(JsonNode body) {
    return spec.validateResponse("GET", "/api/orders", 200, JSON_TYPE, JSON.writeValueAsString(body));
  }

  private static List<String> or21(String body) {
    return spec.validateRequest("PUT", "/api/orders/Order_00012-B/accept", null, JSON_TYPE, body);
  }

  private static ObjectNode firstOrder(ObjectNode or11Body) {
    return (ObjectNode) or11Body.path("orders").get(0);
  }

  @Nested
  class The_spec_s_own_examples {

    @Test
    void every_OR21_request_example_conforms() {
      List<String> names = new ArrayList<>(document.at(OR21_EXAMPLES).propertyNames());

      assertThat(names).isNotEmpty();
      for (String name : names) {
        assertThat(or21(JSON.writeValueAsString(example(OR21_EXAMPLES, name)))).as(name).isEmpty();
      }
    }

    @Test
    void the_spec_gives_exactly_the_two_OR11_examples_checked_below() {
      assertThat(document.at(OR11_EXAMPLES).propertyNames())
          .containsExactlyInAnyOrder("application/json-0", "application/json-auto");
    }

    @Test
    void the_OR11_business_example_conforms_except_for_the_two_fields_its_schema_made_required_since() {
      // The example predates refund_state and tax_calculation_rule; its nulls and its omitted deprecated
      // fields (paymentType, commission_vat) are accepted by design.
      List<String> violations = or11Response(example(OR11_EXAMPLES, "application/json-0"));

      assertThat(violations).containsExactlyInAnyOrder(
          "OR11 response 200 body: $.orders[0].order_lines[0].refunds[0]: required property 'refund_state' not found",
          "OR11 response 200 body: $.orders[0].order_lines[0].shipping_taxes[0]: "
              + "required property 'tax_calculation_rule' not found",
          "OR11 response 200 body: $.orders[0].order_lines[0].taxes[1]: "
              + "required property 'tax_calculation_rule' not found");
    }

    @Test
    void the_OR11_generated_example_conforms_except_for_the_additional_field_values_it_leaves_out() {
      // Generated from the discriminator's base schema, it omits the value every mapped subtype requires.
      List<String> violations = or11Response(example(OR11_EXAMPLES, "application/json-auto"));

      assertThat(violations).containsExactlyInAnyOrder(
          "OR11 response 200 body: $.orders[0].order_additional_fields[0]: required property 'value' not found",
          "OR11 response 200 body: $.orders[0].order_lines[0].order_line_additional_fields[0]: "
              + "required property 'value' not found");
    }
  }

  @Nested
  class Requests {

    @Test
    void an_OR21_line_whose_accepted_is_a_string_fails_naming_the_field() {
      ObjectNode body = example(OR21_EXAMPLES, "application/json-0");
      ((ObjectNode) body.path("order_lines").get(0)).put("accepted", "true");

      assertThat(or21(JSON.writeValueAsString(body)))
          .containsExactly("OR21 request body: $.order_lines[0].accepted: string found, boolean expected");
    }

    @Test
    void an_OR21_line_with_a_null_id_fails() {
      assertThat(or21("{\"order_lines\":[{\"id\":null,\"accepted\":true}]}"))
          .singleElement().asString().contains("$.order_lines[0].id");
    }

    @Test
    void an_OR21_request_without_a_body_fails() {
      assertThat(spec.validateRequest("PUT", "/api/orders/Order_00012-B/accept", null, null, null))
          .containsExactly("OR21 request body: missing, but the spec requires one");
    }

    @Test
    void a_body_that_is_not_JSON_fails() {
      assertThat(or21("{\"order_lines\":[")).singleElement().asString()
          .startsWith("OR21 request body: not valid JSON");
    }

    @Test
    void a_media_type_the_operation_does_not_declare_fails() {
      assertThat(spec.validateRequest("PUT", "/api/orders/Order_00012-B/accept", null, "text/plain", "x"))
          .singleElement().asString().contains("media type text/plain not declared");
    }

    @Test
    void a_body_sent_to_an_operation_that_declares_none_fails() {
      assertThat(spec.validateRequest("GET", "/api/orders", null, JSON_TYPE, "{}"))
          .containsExactly("OR11 request body: the spec declares no request body, but one was sent");
    }

    @Test
    void an_OR11_call_with_declared_filters_conforms() {
      assertThat(or11("order_ids=Order_00010-A,Order_00011-A&customer_debited=true"
          + "&start_update_date=2026-01-31T10:15:30Z&order_tax_mode=TAX_EXCLUDED")).isEmpty();
    }

    @Test
    void an_undeclared_query_parameter_on_OR11_fails() {
      assertThat(or11("page_token=abc")).singleElement().asString()
          .startsWith("OR11 query parameter page_token is not declared by the spec");
    }

    @Test
    void a_start_update_date_that_is_not_a_date_time_fails() {
      assertThat(or11("start_update_date=not-a-date")).singleElement().asString()
          .startsWith("OR11 query parameter start_update_date='not-a-date'").contains("date-time");
    }

    @Test
    void a_date_time_with_an_encoded_plus_offset_conforms() {
      assertThat(or11("start_update_date=2026-01-31T10:15:30%2B13:45")).isEmpty();
    }

    @Test
    void a_date_time_with_an_unencoded_plus_offset_fails_because_it_decodes_to_a_space() {
      assertThat(or11("start_update_date=2026-01-31T10:15:30+13:45")).singleElement().asString()
          .contains("'2026-01-31T10:15:30 13:45'");
    }

    @Test
    void a_boolean_query_parameter_must_be_true_or_false() {
      assertThat(or11("customer_debited=1")).containsExactly("OR11 query parameter customer_debited='1': "
          + "not a valid boolean");
    }

    @Test
    void a_non_array_query_parameter_given_twice_fails() {
      assertThat(or11("customer_debited=true&customer_debited=false")).singleElement().asString()
          .contains("given 2 times");
    }

    @Test
    void an_array_query_parameter_may_repeat() {
      assertThat(or11("fulfillment_center_code=A&fulfillment_center_code=B")).isEmpty();
    }

    @Test
    void a_comma_separated_list_of_order_states_is_accepted() {
      assertThat(or11("order_state_codes=WAITING_ACCEPTANCE,SHIPPING")).isEmpty();
    }

    @Test
    void an_unknown_order_state_in_the_list_fails_naming_it() {
      assertThat(or11("order_state_codes=WAITING_ACCEPTANCE,SHIPPPED")).singleElement().asString()
          .startsWith("OR11 query parameter order_state_codes='SHIPPPED'").contains("enumeration");
    }

    @Test
    void an_integer_query_parameter_must_parse_as_an_integer() {
      assertThat(or11("shop_id=12a")).containsExactly("OR11 query parameter shop_id='12a': not a valid integer");
    }

    @Test
    void the_offset_pagination_parameters_are_accepted_on_OR11() {
      assertThat(or11("max=100&offset=200&paginate=true&sort=dateCreated&order=desc")).isEmpty();
    }

    @Test
    void a_negative_max_fails() {
      assertThat(or11("max=-1")).singleElement().asString()
          .startsWith("OR11 query parameter max='-1': not a non-negative integer");
    }

    @Test
    void an_offset_that_is_not_an_integer_fails() {
      assertThat(or11("offset=ten")).singleElement().asString()
          .startsWith("OR11 query parameter offset='ten': not a non-negative integer");
    }

    @Test
    void paginate_must_be_a_boolean() {
      assertThat(or11("paginate=yes")).singleElement().asString()
          .startsWith("OR11 query parameter paginate='yes': not a boolean");
    }

    @Test
    void order_must_be_asc_or_desc() {
      assertThat(or11("order=DESC")).singleElement().asString()
          .startsWith("OR11 query parameter order='DESC': not asc or desc");
    }

    @Test
    void a_sort_field_the_description_does_not_list_fails() {
      assertThat(or11("sort=lastUpdated")).singleElement().asString()
          .startsWith("OR11 query parameter sort='lastUpdated': not one of the sort fields [dateCreated]");
    }

    @Test
    void pagination_parameters_are_not_accepted_where_offset_pagination_is_not_documented() {
      assertThat(spec.validateRequest("PUT", "/api/orders/Order_00012-B/accept", "max=10", JSON_TYPE,
          "{\"order_lines\":[{\"id\":\"Order_00012-B-1\",\"accepted\":true}]}"))
          .singleElement().asString().startsWith("OR21 query parameter max is not declared by the spec");
    }

    @Test
    void a_path_no_operation_declares_fails() {
      assertThat(spec.validateRequest("GET", "/api/order", null, null, null))
          .containsExactly("GET /api/order: no path of the Mirakl seller spec matches");
    }

    @Test
    void a_method_the_path_does_not_declare_fails() {
      assertThat(spec.validateRequest("POST", "/api/orders/Order_00012-B/accept", null, null, null))
          .containsExactly("POST /api/orders/Order_00012-B/accept: the spec declares only PUT on this path");
    }

    @Test
    void an_integer_path_parameter_must_parse_as_an_integer() {
      assertThat(spec.validateRequest("GET", "/api/offers/abc", null, null, null))
          .containsExactly("OF22 path parameter offer='abc': not a valid integer");
    }

    @Test
    void a_path_parameter_is_percent_decoded_before_it_is_checked() {
      assertThat(spec.validateRequest("GET", "/api/offers/%31%32", null, null, null)).isEmpty();
    }
  }

  @Nested
  class Responses {

    private ObjectNode business() {
      ObjectNode body = example(OR11_EXAMPLES, "application/json-0");
      JsonNode line = firstOrder(body).path("order_lines").get(0);
      ((ObjectNode) line.path("refunds").get(0)).put("refund_state", "REFUNDED");
      ((ObjectNode) line.path("shipping_taxes").get(0)).put("tax_calculation_rule", "NONE");
      ((ObjectNode) line.path("taxes").get(1)).put("tax_calculation_rule", "NONE");
      return body;
    }

    @Test
    void the_business_example_completed_with_its_missing_fields_conforms() {
      assertThat(or11Response(business())).isEmpty();
    }

    @Test
    void a_missing_required_field_fails_naming_it() {
      ObjectNode body = business();
      firstOrder(body).remove("order_state");

      assertThat(or11Response(body))
          .containsExactly("OR11 response 200 body: $.orders[0]: required property 'order_state' not found");
    }

    @Test
    void a_field_of_the_wrong_type_fails_naming_it() {
      ObjectNode body = business();
      firstOrder(body).put("total_price", "12.30");

      assertThat(or11Response(body))
          .containsExactly("OR11 response 200 body: $.orders[0].total_price: string found, number expected");
    }

    @Test
    void a_date_time_that_is_not_RFC_3339_fails() {
      ObjectNode body = business();
      firstOrder(body).put("created_date", "2026-01-31 10:15:30");

      assertThat(or11Response(body)).singleElement().asString()
          .startsWith("OR11 response 200 body: $.orders[0].created_date:").contains("date-time");
    }

    @Test
    void a_total_count_beyond_int32_fails() {
      ObjectNode body = business();
      body.put("total_count", 3_000_000_000L);

      assertThat(or11Response(body)).singleElement().asString()
          .startsWith("OR11 response 200 body: $.total_count:").contains("int32");
    }

    @Test
    void unknown_extra_fields_are_allowed() {
      ObjectNode body = business();
      firstOrder(body).put("field_from_a_newer_mirakl", "x");

      assertThat(or11Response(body)).isEmpty();
    }

    @Test
    void a_null_member_is_allowed() {
      ObjectNode body = business();
      firstOrder(body).putNull("shipping_type_label");

      assertThat(or11Response(body)).isEmpty();
    }

    @Test
    void a_null_array_item_fails() {
      ObjectNode body = business();
      body.withArray("orders").addNull();

      assertThat(or11Response(body)).singleElement().asString().startsWith("OR11 response 200 body: $.orders[1]:");
    }

    @Test
    void a_deprecated_required_field_may_be_absent_but_a_current_one_may_not() {
      ObjectNode body = business();
      firstOrder(body).remove("paymentType");
      firstOrder(body).remove("payment_type");
      firstOrder(body).remove("currency_iso_code");

      assertThat(or11Response(body)).containsExactly(
          "OR11 response 200 body: $.orders[0]: required property 'currency_iso_code' not found");
    }

    @Test
    void an_additional_field_is_checked_against_the_subtype_its_discriminator_maps_to() {
      ObjectNode body = business();
      firstOrder(body).withArray("order_additional_fields").addObject()
          .put("code", "gift-wrap").put("type", "STRING").put("value", 1);

      assertThat(or11Response(body)).containsExactly(
          "OR11 response 200 body: $.orders[0].order_additional_fields[0].value: integer found, string expected");
    }

    @Test
    void an_additional_field_of_a_type_the_mapping_does_not_know_is_only_checked_against_the_base() {
      ObjectNode body = business();
      firstOrder(body).withArray("order_additional_fields").addObject().put("code", "x").put("type", "COLOR");

      assertThat(or11Response(body)).isEmpty();
    }

    @Test
    void an_empty_body_fails_where_the_spec_declares_content() {
      assertThat(spec.validateResponse("GET", "/api/orders", 200, JSON_TYPE, ""))
          .containsExactly("OR11 response 200 body: missing, but the spec requires one");
    }

    @Test
    void an_undeclared_status_fails() {
      assertThat(spec.validateResponse("GET", "/api/orders", 400, JSON_TYPE, "{\"message\":\"bad\"}"))
          .containsExactly("OR11 response 400: status not declared by the spec (declared: 200)");
    }

    @Test
    void an_undeclared_429_is_allowed() {
      assertThat(spec.validateResponse("GET", "/api/orders", 429, null, null)).isEmpty();
    }

    @Test
    void an_undeclared_5xx_is_allowed() {
      assertThat(spec.validateResponse("GET", "/api/orders", 503, "text/html", "<html/>")).isEmpty();
    }

    @Test
    void a_400_is_allowed_on_OR21_whose_description_documents_its_error_codes() {
      assertThat(spec.validateResponse("PUT", "/api/orders/Order_00012-B/accept", 400, JSON_TYPE,
          "{\"status\":400,\"message\":\"ORDER_INVALID_STATE\"}")).isEmpty();
    }

    @Test
    void an_undeclared_409_fails_even_on_OR21() {
      assertThat(spec.validateResponse("PUT", "/api/orders/Order_00012-B/accept", 409, null, null))
          .containsExactly("OR21 response 409: status not declared by the spec (declared: 204)");
    }

    @Test
    void an_OR21_204_conforms_without_a_body() {
      assertThat(spec.validateResponse("PUT", "/api/orders/Order_00012-B/accept", 204, null, null)).isEmpty();
    }

    @Test
    void an_OR21_204_with_a_body_fails() {
      assertThat(spec.validateResponse("PUT", "/api/orders/Order_00012-B/accept", 204, JSON_TYPE, "{}"))
          .containsExactly("OR21 response 204: the spec declares no body, but one was sent");
    }
  }

  @Nested
  class Operation_ids {

    @Test
    void a_templated_path_resolves_to_its_operation() {
      assertThat(spec.operationId("put", "/api/orders/Order_00012-B/accept")).isEqualTo("OR21");
    }

    @Test
    void a_literal_segment_wins_over_a_path_variable() {
      assertThat(spec.operationId("PUT", "/api/orders/shipping_from")).isEqualTo("OR07");
    }

    @Test
    void a_query_string_is_ignored() {
      assertThat(spec.operationId("GET", "/api/orders?max=10")).isEqualTo("OR11");
    }

    @Test
    void an_unknown_path_is_rejected() {
      assertThatThrownBy(() -> spec.operationId("GET", "/api/nothing"))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/api/nothing");
    }
  }

  @Test
  void the_parsed_spec_is_cached() {
    assertThat(MiraklSellerSpec.load()).containsSame(spec);
  }
}
