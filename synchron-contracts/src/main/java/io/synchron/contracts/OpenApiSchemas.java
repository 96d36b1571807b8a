package io.synchron.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.networknt.schema.AnnotationKeyword;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.Format;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.JsonValidator;
import com.networknt.schema.Keyword;
import com.networknt.schema.RequiredValidator;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.TypeValidator;
import com.networknt.schema.ValidationContext;
import com.networknt.schema.ValidationMessage;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON Schemas of one OpenAPI 3.1 document, validated with the networknt validator.
 *
 * <p>Schemas are addressed by JSON pointer into the document ({@code /components/schemas/OR21_Request},
 * {@code /paths/~1api~1orders/get/responses/200/content/application~1json/schema}); their {@code $ref}s resolve
 * inside the same document. The dialect is JSON Schema 2020-12 plus what OpenAPI 3.1 adds:
 * <ul>
 *   <li>{@code example}, {@code xml} and {@code externalDocs} are annotations;</li>
 *   <li>{@code format} is asserted, with OpenAPI's {@code int32} and {@code int64} checked as ranges; formats
 *       unknown to both ({@code "with decimals"}, {@code binary}) are annotations;</li>
 *   <li>{@code discriminator} is honoured the OpenAPI way even without {@code oneOf}/{@code anyOf}: an object whose
 *       discriminating property names an entry of {@code mapping} must also validate against that mapped schema.
 *       The Mirakl spec uses it on bare base schemas whose subtypes extend them through {@code allOf}, which plain
 *       JSON Schema would silently ignore. An unmapped value adds no check (Mirakl may add new values).</li>
 * </ul>
 * In {@link Leniency#RESPONSE} mode two more rules apply, both taken from the spec's own examples:
 * <ul>
 *   <li>an object member may be {@code null} whatever its declared type, required or not (Mirakl's examples send
 *       {@code "description": null} for a required string, and the spec has no {@code null} type anywhere);</li>
 *   <li>a required property whose schema is {@code deprecated: true} may be absent (Mirakl's own OR11 example
 *       omits the deprecated {@code paymentType}, {@code commission_vat} and {@code commission_rate_vat}).</li>
 * </ul>
 * Instances are safe to share between threads only through {@link MiraklSellerSpec}, which serialises calls.
 */
final class OpenApiSchemas {

  /** Which side of the exchange is validated. */
  enum Leniency { REQUEST, RESPONSE }

  private static final String DIALECT_IRI = "https://spec.openapis.org/oas/3.1/dialect/base";
  private static final String VALIDATION_VOCABULARY = "https://json-schema.org/draft/2020-12/vocab/validation";
  private static final String DISPATCHING = "synchron.discriminator.dispatching";

  private final JsonSchema document;
  private final Map<String, JsonSchema> byPointer = new ConcurrentHashMap<>();

  OpenApiSchemas(String documentUri, Leniency leniency) {
    JsonMetaSchema.Builder dialect = JsonMetaSchema.builder(DIALECT_IRI, JsonMetaSchema.getV202012())
        .keyword(new AnnotationKeyword("example"))
        .keyword(new AnnotationKeyword("xml"))
        .keyword(new AnnotationKeyword("externalDocs"))
        .keyword(new DiscriminatorKeyword())
        .format(new IntegerRangeFormat("int32", BigInteger.valueOf(Integer.MIN_VALUE),
            BigInteger.valueOf(Integer.MAX_VALUE)))
        .format(new IntegerRangeFormat("int64", BigInteger.valueOf(Long.MIN_VALUE),
            BigInteger.valueOf(Long.MAX_VALUE)));
    if (leniency == Leniency.RESPONSE) {
      // build() re-adds every keyword of the listed vocabularies over explicit ones; the keywords copied from
      // 2020-12 stay, so dropping the validation vocabulary only lets these two overrides through.
      dialect.vocabularies(vocabularies -> vocabularies.remove(VALIDATION_VOCABULARY));
      dialect.keyword(new NullMemberTolerantTypeKeyword()).keyword(new DeprecatedTolerantRequiredKeyword());
    }
    JsonMetaSchema metaSchema = dialect.build();
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
        builder -> builder.metaSchema(metaSchema).defaultMetaSchemaIri(DIALECT_IRI));
    SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
        .formatAssertionsEnabled(true)
        .pathType(PathType.LEGACY)
        .build();
    this.document = factory.getSchema(SchemaLocation.of(documentUri), config);
  }

  /** Validates a JSON text against the schema at {@code pointer}; an empty list means it conforms. */
  List<ValidationMessage> validate(String pointer, String json) {
    JsonSchema schema = byPointer.computeIfAbsent(pointer,
        p -> document.getRefSchema(SchemaLocation.Fragment.of(p)));
    return new ArrayList<>(schema.validate(json, InputFormat.JSON));
  }

  /**
   * OpenAPI's discriminator on a base schema: dispatches the instance to the mapped subtype. The subtype extends the
   * base through {@code allOf}, so dispatching recurses into this very keyword; the instances being dispatched are
   * remembered for the duration of one validation to stop there.
   */
  private static final class DiscriminatorKeyword implements Keyword {
    @Override
    public String getValue() {
      return "discriminator";
    }

    @Override
    public JsonValidator newValidator(SchemaLocation schemaLocation, JsonNodePath evaluationPath, JsonNode schemaNode,
        JsonSchema parentSchema, ValidationContext validationContext) {
      return new DiscriminatorValidator(schemaLocation, evaluationPath, schemaNode, parentSchema, validationContext);
    }
  }

  private static final class DiscriminatorValidator implements JsonValidator {
    private final SchemaLocation schemaLocation;
    private final JsonNodePath evaluationPath;
    private final String propertyName;
    private final JsonNode mapping;
    private final JsonSchema parentSchema;
    private final ValidationContext validationContext;
    private final Map<String, JsonSchema> subtypes = new ConcurrentHashMap<>();

    DiscriminatorValidator(SchemaLocation schemaLocation, JsonNodePath evaluationPath, JsonNode schemaNode,
        JsonSchema parentSchema, ValidationContext validationContext) {
      this.schemaLocation = schemaLocation;
      this.evaluationPath = evaluationPath;
      this.propertyName = schemaNode.path("propertyName").asText("");
      this.mapping = schemaNode.path("mapping");
      this.parentSchema = parentSchema;
      this.validationContext = validationContext;
    }

    @Override
    public Set<ValidationMessage> validate(ExecutionContext executionContext, JsonNode node, JsonNode rootNode,
        JsonNodePath instanceLocation) {
      JsonNode discriminating = node.path(propertyName);
      if (!node.isObject() || !discriminating.isTextual() || !mapping.path(discriminating.asText()).isTextual()) {
        return Collections.emptySet();
      }
      Set<JsonNode> dispatching = dispatching(executionContext);
      if (!dispatching.add(node)) {
        return Collections.emptySet();
      }
      try {
        String ref = mapping.path(discriminating.asText()).asText();
        JsonSchema subtype = subtypes.computeIfAbsent(ref, r -> validationContext.newSchema(
            schemaLocation.append(r), evaluationPath.append(r),
            JsonNodeFactory.instance.objectNode().put("$ref", r),
            parentSchema));
        return new LinkedHashSet<>(subtype.validate(executionContext, node, rootNode, instanceLocation));
      } finally {
        dispatching.remove(node);
      }
    }

    @SuppressWarnings("unchecked")
    private static Set<JsonNode> dispatching(ExecutionContext executionContext) {
      Object current = executionContext.getCollectorContext().get(DISPATCHING);
      if (current == null) {
        current = Collections.newSetFromMap(new IdentityHashMap<>());
        executionContext.getCollectorContext().add(DISPATCHING, current);
      }
      return (Set<JsonNode>) current;
    }

    @Override
    public SchemaLocation getSchemaLocation() {
      return schemaLocation;
    }

    @Override
    public JsonNodePath getEvaluationPath() {
      return evaluationPath;
    }

    @Override
    public String getKeyword() {
      return "discriminator";
    }
  }

  /** {@code type}, except that an object member may be {@code null} (responses only). */
  private static final class NullMemberTolerantTypeKeyword implements Keyword {
    @Override
    public String getValue() {
      return "type";
    }

    @Override
    public JsonValidator newValidator(SchemaLocation schemaLocation, JsonNodePath evaluationPath, JsonNode schemaNode,
        JsonSchema parentSchema, ValidationContext validationContext) {
      return new TypeValidator(schemaLocation, evaluationPath, schemaNode, parentSchema, validationContext) {
        @Override
        public Set<ValidationMessage> validate(ExecutionContext executionContext, JsonNode node, JsonNode rootNode,
            JsonNodePath instanceLocation) {
          int depth = instanceLocation.getNameCount();
          if (node.isNull() && depth > 0 && instanceLocation.getElement(depth - 1) instanceof String) {
            return Collections.emptySet();
          }
          return super.validate(executionContext, node, rootNode, instanceLocation);
        }
      };
    }
  }

  /** {@code required}, except that a property its schema marks deprecated may be absent (responses only). */
  private static final class DeprecatedTolerantRequiredKeyword implements Keyword {
    @Override
    public String getValue() {
      return "required";
    }

    @Override
    public JsonValidator newValidator(SchemaLocation schemaLocation, JsonNodePath evaluationPath, JsonNode schemaNode,
        JsonSchema parentSchema, ValidationContext validationContext) {
      JsonNode properties = parentSchema.getSchemaNode().path("properties");
      return new RequiredValidator(schemaLocation, evaluationPath, schemaNode, parentSchema, validationContext) {
        @Override
        public Set<ValidationMessage> validate(ExecutionContext executionContext, JsonNode node, JsonNode rootNode,
            JsonNodePath instanceLocation) {
          Set<ValidationMessage> messages = new LinkedHashSet<>(
              super.validate(executionContext, node, rootNode, instanceLocation));
          messages.removeIf(m -> properties.path(m.getProperty()).path("deprecated").asBoolean(false));
          return messages;
        }
      };
    }
  }

  /** OpenAPI's integer formats, as ranges; non-integers are left to {@code type}. */
  private static final class IntegerRangeFormat implements Format {
    private final String name;
    private final BigInteger min;
    private final BigInteger max;

    IntegerRangeFormat(String name, BigInteger min, BigInteger max) {
      this.name = name;
      this.min = min;
      this.max = max;
    }

    @Override
    public String getName() {
      return name;
    }

    @Override
    public boolean matches(ExecutionContext executionContext, ValidationContext validationContext, JsonNode value) {
      if (!value.isIntegralNumber()) {
        return true;
      }
      BigInteger number = value.bigIntegerValue();
      return number.compareTo(min) >= 0 && number.compareTo(max) <= 0;
    }

    @Override
    public String getErrorMessageDescription() {
      return "an integer in the " + name + " range [" + min + ", " + max + "]";
    }
  }
}
