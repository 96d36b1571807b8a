package io.synchron.simulator.mirakl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What the spec-conformance tests share: finding Mirakl's OpenAPI spec beside the checkout, and walking a JSON answer
 * against a schema of it to list the required fields it lacks and the fields the schema does not declare.
 */
final class SpecWalk {

  static final String SPEC = "specs/mirakl/mmp-seller-openapi.json";

  private SpecWalk() {}

  /** The spec from -Dsynchron.shared.dir, ../../shared or ../shared; null when absent. */
  static Path locateSpec() {
    List<Path> candidates = new ArrayList<>();
    String shared = System.getProperty("synchron.shared.dir");
    if (shared != null && !shared.isBlank()) {
      candidates.add(Path.of(shared, SPEC));
    }
    candidates.add(Path.of("../../shared", SPEC));
    candidates.add(Path.of("../shared", SPEC));
    return candidates.stream().filter(Files::isRegularFile).findFirst().orElse(null);
  }

  /** A schema with its {@code $ref} into {@code #/components/schemas} followed. */
  static JsonNode resolve(JsonNode spec, JsonNode schema) {
    JsonNode ref = schema.get("$ref");
    return ref == null
        ? schema
        : spec.get("components")
            .get("schemas")
            .get(ref.stringValue().substring("#/components/schemas/".length()));
  }

  /** Adds to {@code missing} each required field of the schema the node lacks, at any depth. */
  static void checkRequired(JsonNode spec, JsonNode node, JsonNode schema, String at, List<String> missing) {
    schema = resolve(spec, schema);
    if (node.isArray() && schema.has("items")) {
      for (JsonNode item : node) {
        checkRequired(spec, item, schema.get("items"), at + "[]", missing);
      }
      return;
    }
    if (!node.isObject()) {
      return;
    }
    if (schema.has("required")) {
      for (JsonNode name : schema.get("required")) {
        if (!node.has(name.stringValue())) {
          missing.add(at + "." + name.stringValue());
        }
      }
    }
    JsonNode properties = schema.get("properties");
    if (properties != null) {
      for (Map.Entry<String, JsonNode> property : properties.properties()) {
        JsonNode value = node.get(property.getKey());
        if (value != null && !value.isNull()) {
          checkRequired(spec, value, property.getValue(), at + "." + property.getKey(), missing);
        }
      }
    }
  }

  /** Adds to {@code undeclared} each field of the node the schema does not declare, at any depth. */
  static void checkDeclared(JsonNode spec, JsonNode node, JsonNode schema, String at, List<String> undeclared) {
    schema = resolve(spec, schema);
    if (node.isArray() && schema.has("items")) {
      for (JsonNode item : node) {
        checkDeclared(spec, item, schema.get("items"), at + "[]", undeclared);
      }
      return;
    }
    if (!node.isObject()) {
      return;
    }
    JsonNode properties = schema.get("properties");
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      JsonNode declared = properties == null ? null : properties.get(field.getKey());
      if (declared == null) {
        undeclared.add(at + "." + field.getKey());
      } else if (!field.getValue().isNull()) {
        checkDeclared(spec, field.getValue(), declared, at + "." + field.getKey(), undeclared);
      }
    }
  }
}
