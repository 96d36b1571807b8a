package io.synchron.contracts;

import graphql.ExecutionInput;
import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
import graphql.execution.RawVariables;
import graphql.execution.ValuesResolver;
import graphql.introspection.IntrospectionResultToSchema;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import graphql.validation.ValidationError;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Shopify Admin GraphQL schema, API version 2026-07, as a test oracle for the documents (and variables) a
 * client sends. Test support only; never used in production code.
 *
 * <p>The schema comes from Shopify's published introspection result: the classpath resource
 * {@value #RESOURCE} (shipped by {@code synchron-simulator-shopify}) or, when that is not on the classpath,
 * {@code <shared>/specs/shopify/admin-2026-07.introspection.json.gz} (see {@link MiraklSellerSpec#load()} for how
 * {@code <shared>} is found). It is built once per JVM into a validation-only schema; it cannot execute anything.
 * All methods are safe to call from several threads.
 *
 * <p>Known limit: custom scalars ({@code DateTime}, {@code Decimal}, {@code Money}, {@code URL}, {@code JSON}...) are
 * checked only as being scalars, not for their format, because introspection does not describe their coercion.
 */
public final class ShopifyAdminSchema {

  static final String RESOURCE = "/io/synchron/simulator/shopify/admin-2026-07.introspection.json.gz";
  private static final String SHARED_PATH = "specs/shopify/admin-2026-07.introspection.json.gz";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static volatile ShopifyAdminSchema instance;

  private final GraphQLSchema schema;

  private ShopifyAdminSchema(GraphQLSchema schema) {
    this.schema = schema;
  }

  /**
   * The schema, built on first use.
   *
   * @throws IllegalStateException when neither the classpath resource nor the shared folder has it
   */
  public static ShopifyAdminSchema get() {
    ShopifyAdminSchema loaded = instance;
    if (loaded == null) {
      synchronized (ShopifyAdminSchema.class) {
        loaded = instance;
        if (loaded == null) {
          loaded = new ShopifyAdminSchema(build());
          instance = loaded;
        }
      }
    }
    return loaded;
  }

  /**
   * Parses and validates a GraphQL document against the schema (unknown fields, wrong argument types, undefined or
   * unused variables...).
   *
   * @return graphql-java's parse or validation errors as text; empty when the document is valid
   */
  public List<String> validate(String document) {
    ParseAndValidateResult parsed = ParseAndValidate.parse(input(document));
    if (parsed.isFailure()) {
      return List.of(parsed.getSyntaxException().getMessage());
    }
    return messages(ParseAndValidate.validate(schema, parsed.getDocument(), Locale.ENGLISH));
  }

  /**
   * {@link #validate(String)}, then coerces {@code variables} against the variable definitions of the document's
   * operation as a server would (wrong enum values, missing required input fields, unknown input fields, nulls for
   * non-null types). Coercion stops at the first problem, so at most one variable error is reported. The document
   * must hold exactly one operation.
   *
   * @return errors as text; empty when the document is valid and the variables coerce
   */
  public List<String> validateWithVariables(String document, Map<String, Object> variables) {
    List<String> errors = new ArrayList<>(validate(document));
    if (!errors.isEmpty()) {
      return errors;
    }
    Document parsed = ParseAndValidate.parse(input(document)).getDocument();
    List<OperationDefinition> operations = parsed.getDefinitionsOfType(OperationDefinition.class);
    if (operations.size() != 1) {
      return List.of("expected exactly one operation to coerce variables against, found " + operations.size());
    }
    try {
      ValuesResolver.coerceVariableValues(schema, operations.get(0).getVariableDefinitions(),
          RawVariables.of(variables), GraphQLContext.getDefault(), Locale.ENGLISH);
    } catch (RuntimeException e) {
      if (!(e instanceof GraphQLError)) {
        throw e;
      }
      errors.add(e.getMessage());
    }
    return errors;
  }

  private static ExecutionInput input(String document) {
    return ExecutionInput.newExecutionInput(document).build();
  }

  private static List<String> messages(List<ValidationError> errors) {
    return errors.stream().map(ValidationError::getMessage).toList();
  }

  private static GraphQLSchema build() {
    try (InputStream gzipped = open(); InputStream in = new GZIPInputStream(gzipped)) {
      @SuppressWarnings("unchecked")
      Map<String, Object> result = JSON.readValue(in, Map.class);
      @SuppressWarnings("unchecked")
      Map<String, Object> introspection = result.containsKey("data")
          ? (Map<String, Object>) result.get("data") : result;
      Document sdl = new IntrospectionResultToSchema().createSchemaDefinition(introspection);
      return UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().buildRegistry(sdl));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the Shopify Admin introspection schema", e);
    }
  }

  private static InputStream open() throws IOException {
    InputStream resource = ShopifyAdminSchema.class.getResourceAsStream(RESOURCE);
    if (resource != null) {
      return resource;
    }
    Optional<Path> shared = SharedFolder.find(SHARED_PATH);
    if (shared.isEmpty()) {
      throw new IllegalStateException("The Shopify Admin schema is neither on the classpath at " + RESOURCE
          + " nor at " + SharedFolder.expected(SHARED_PATH) + " (set -Dsynchron.shared.dir)");
    }
    return Files.newInputStream(shared.get());
  }
}
