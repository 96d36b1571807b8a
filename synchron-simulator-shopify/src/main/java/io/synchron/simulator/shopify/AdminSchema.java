package io.synchron.simulator.shopify;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLContext;
import graphql.GraphqlErrorBuilder;
import graphql.execution.CoercedVariables;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerResult;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.introspection.IntrospectionResultToSchema;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.EnumValue;
import graphql.language.FloatValue;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseValueException;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.TypeResolver;
import graphql.schema.idl.FastSchemaGenerator;
import graphql.schema.idl.FieldWiringEnvironment;
import graphql.schema.idl.InterfaceWiringEnvironment;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.ScalarInfo;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnionWiringEnvironment;
import graphql.schema.idl.WiringFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.zip.GZIPInputStream;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real Shopify Admin 2026-07 schema, made executable. Loaded once per JVM (a few seconds) and
 * shared by every simulator: data fetchers find the simulator's state in the execution's {@link
 * GraphQLContext}.
 */
final class AdminSchema {

  static final String VERSION = "2026-07";
  private static final String RESOURCE = "admin-2026-07.introspection.json.gz";

  private static volatile AdminSchema instance;

  private final GraphQLSchema schema;
  private final GraphQL graphQl;

  private AdminSchema(GraphQLSchema schema) {
    this.schema = schema;
    this.graphQl =
        GraphQL.newGraphQL(schema)
            .defaultDataFetcherExceptionHandler(new ErrorHandler())
            // The handler has already parsed and validated the document; reuse it.
            .preparsedDocumentProvider(
                (input, parseAndValidate) ->
                    CompletableFuture.completedFuture(
                        new PreparsedDocumentEntry(
                            (Document) input.getGraphQLContext().get(Document.class))))
            .build();
  }

  static AdminSchema get() {
    AdminSchema loaded = instance;
    if (loaded == null) {
      synchronized (AdminSchema.class) {
        loaded = instance;
        if (loaded == null) {
          loaded = new AdminSchema(load());
          instance = loaded;
        }
      }
    }
    return loaded;
  }

  GraphQLSchema schema() {
    return schema;
  }

  ExecutionResult execute(
      Document document,
      String query,
      String operationName,
      Map<String, Object> variables,
      ShopState state) {
    ExecutionInput input =
        ExecutionInput.newExecutionInput()
            .query(query)
            .operationName(operationName)
            .variables(variables)
            .graphQLContext(
                Map.of(
                    Document.class,
                    document,
                    ShopState.class,
                    state,
                    ReceivedVariables.class,
                    new ReceivedVariables(variables)))
            .locale(Locale.ENGLISH)
            .build();
    return graphQl.execute(input);
  }

  /** The request's variables as received, for storing inputs "as given". */
  record ReceivedVariables(Map<String, Object> values) {}

  static ShopState state(DataFetchingEnvironment env) {
    return env.getGraphQlContext().get(ShopState.class);
  }

  /**
   * The argument {@code name} of the current field exactly as the client sent it: the raw variable
   * value, or the literal converted to maps, lists and scalars.
   */
  static Object rawArgument(DataFetchingEnvironment env, String name) {
    Map<String, Object> variables =
        ((ReceivedVariables) env.getGraphQlContext().get(ReceivedVariables.class)).values();
    return env.getField().getArguments().stream()
        .filter(a -> a.getName().equals(name))
        .findFirst()
        .map(a -> literal(a.getValue(), variables))
        .orElse(null);
  }

  static Object literal(Value<?> value, Map<String, Object> variables) {
    if (value instanceof VariableReference ref) {
      return variables.get(ref.getName());
    } else if (value instanceof StringValue v) {
      return v.getValue();
    } else if (value instanceof IntValue v) {
      return v.getValue().bitLength() < 32 ? (Object) v.getValue().intValue() : v.getValue();
    } else if (value instanceof FloatValue v) {
      return v.getValue();
    } else if (value instanceof BooleanValue v) {
      return v.isValue();
    } else if (value instanceof EnumValue v) {
      return v.getName();
    } else if (value instanceof ArrayValue v) {
      List<Object> list = new ArrayList<>();
      v.getValues().forEach(item -> list.add(literal(item, variables)));
      return list;
    } else if (value instanceof ObjectValue v) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (ObjectField field : v.getObjectFields()) {
        map.put(field.getName(), literal(field.getValue(), variables));
      }
      return map;
    } else if (value instanceof NullValue) {
      return null;
    }
    throw new IllegalArgumentException("unexpected literal " + value);
  }

  private static GraphQLSchema load() {
    Map<String, Object> introspection = readIntrospection();
    Set<String> oneOfTypes = oneOfInputTypes(introspection);
    Document document = new IntrospectionResultToSchema().createSchemaDefinition(introspection);
    // IntrospectionResultToSchema drops isOneOf; put the directive back so that graphql-java
    // enforces "exactly one field" like Shopify does (e.g. OrderIdentifierInput).
    Document withOneOf =
        document.transform(
            b -> {
              List<graphql.language.Definition> definitions = new ArrayList<>();
              for (graphql.language.Definition<?> definition : document.getDefinitions()) {
                if (definition instanceof InputObjectTypeDefinition input
                    && oneOfTypes.contains(input.getName())) {
                  definitions.add(
                      input.transform(
                          ib -> ib.directive(Directive.newDirective().name("oneOf").build())));
                } else {
                  definitions.add(definition);
                }
              }
              b.definitions(definitions);
            });
    TypeDefinitionRegistry registry = new SchemaParser().buildRegistry(withOneOf);
    RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring();
    for (String scalar : registry.scalars().keySet()) {
      if (!ScalarInfo.isGraphqlSpecifiedScalar(scalar)) {
        wiring.scalar(
            GraphQLScalarType.newScalar()
                .name(scalar)
                .coercing(new LenientCoercing(scalar.equals("JSON")))
                .build());
      }
    }
    wiring.wiringFactory(new SimulatorWiring());
    // The experimental fast generator builds this 3,500-type schema in about half the time of
    // SchemaGenerator, with the same validation; several simulators start per test JVM.
    return new FastSchemaGenerator()
        .makeExecutableSchema(
            SchemaGenerator.Options.defaultOptions().withValidation(true),
            registry,
            wiring.build());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> readIntrospection() {
    try (InputStream raw = AdminSchema.class.getResourceAsStream(RESOURCE)) {
      if (raw == null) {
        throw new IllegalStateException("schema resource missing: " + RESOURCE);
      }
      Map<String, Object> root =
          JsonMapper.builder().build().readValue(new GZIPInputStream(raw, 1 << 16), Map.class);
      Map<String, Object> data = (Map<String, Object>) root.get("data");
      // Descriptions are most of the 11 MB and serve no simulated behaviour.
      dropDescriptions(data);
      return data;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void dropDescriptions(Object node) {
    if (node instanceof Map<?, ?> map) {
      map.remove("description");
      map.values().forEach(AdminSchema::dropDescriptions);
    } else if (node instanceof List<?> list) {
      list.forEach(AdminSchema::dropDescriptions);
    }
  }

  @SuppressWarnings("unchecked")
  private static Set<String> oneOfInputTypes(Map<String, Object> introspection) {
    Map<String, Object> schema = (Map<String, Object>) introspection.get("__schema");
    Set<String> names = new HashSet<>();
    for (Map<String, Object> type : (List<Map<String, Object>>) schema.get("types")) {
      if (Boolean.TRUE.equals(type.get("isOneOf"))) {
        names.add((String) type.get("name"));
      }
    }
    return names;
  }

  /** Wires root fields to {@link RootFields}, every other field to its backing map entry. */
  private static final class SimulatorWiring implements WiringFactory {

    private static final TypeResolver BY_TYPENAME =
        env -> {
          Object source = env.getObject();
          if (source instanceof Map<?, ?> map && map.get("__typename") instanceof String name) {
            return (GraphQLObjectType) env.getSchema().getType(name);
          }
          throw new IllegalStateException("no __typename on " + source);
        };

    private static final DataFetcher<Object> FROM_MAP =
        env -> {
          Object source = env.getSource();
          if (!(source instanceof Map<?, ?> map)) {
            return null;
          }
          Object value = map.get(env.getFieldDefinition().getName());
          return value instanceof FieldResolver resolver ? resolver.resolve(env) : value;
        };

    @Override
    public boolean providesTypeResolver(InterfaceWiringEnvironment environment) {
      return true;
    }

    @Override
    public TypeResolver getTypeResolver(InterfaceWiringEnvironment environment) {
      return BY_TYPENAME;
    }

    @Override
    public boolean providesTypeResolver(UnionWiringEnvironment environment) {
      return true;
    }

    @Override
    public TypeResolver getTypeResolver(UnionWiringEnvironment environment) {
      return BY_TYPENAME;
    }

    @Override
    public boolean providesDataFetcher(FieldWiringEnvironment environment) {
      String parent = environment.getParentType().getName();
      return parent.equals("QueryRoot") || parent.equals("Mutation");
    }

    @Override
    public DataFetcher<?> getDataFetcher(FieldWiringEnvironment environment) {
      return RootFields.fetcher(environment.getFieldDefinition().getName());
    }

    @Override
    public DataFetcher<?> getDefaultDataFetcher(FieldWiringEnvironment environment) {
      return FROM_MAP;
    }
  }

  /** Turns resolver exceptions into Shopify-shaped errors with {@code extensions.code}. */
  private static final class ErrorHandler implements DataFetcherExceptionHandler {
    @Override
    public CompletableFuture<DataFetcherExceptionHandlerResult> handleException(
        graphql.execution.DataFetcherExceptionHandlerParameters parameters) {
      Throwable exception = parameters.getException();
      String code =
          exception instanceof SimulatorGraphQlException refusal
              ? refusal.code()
              : "INTERNAL_SERVER_ERROR";
      String message =
          exception instanceof SimulatorGraphQlException
              ? exception.getMessage()
              : "Internal error: " + exception;
      return CompletableFuture.completedFuture(
          DataFetcherExceptionHandlerResult.newResult()
              .error(
                  GraphqlErrorBuilder.newError()
                      .message(message)
                      .location(parameters.getSourceLocation())
                      .path(parameters.getPath())
                      .extensions(Map.of("code", code))
                      .build())
              .build());
    }
  }

  /**
   * Accepts any scalar input value as given (Shopify's custom scalars are strings on the wire) and
   * serialises decimals as plain strings. The {@code JSON} scalar also accepts objects and lists.
   */
  private static final class LenientCoercing implements Coercing<Object, Object> {

    private final boolean json;

    LenientCoercing(boolean json) {
      this.json = json;
    }

    @Override
    public Object serialize(Object value, GraphQLContext context, Locale locale) {
      if (value instanceof BigDecimal decimal) {
        return decimal.toPlainString();
      } else if (value instanceof TemporalAccessor) {
        return value.toString();
      } else if (json && (value instanceof Map || value instanceof List)) {
        return value;
      }
      return value instanceof String || value instanceof Number || value instanceof Boolean
          ? value
          : String.valueOf(value);
    }

    @Override
    public Object parseValue(Object input, GraphQLContext context, Locale locale) {
      if (!json && (input instanceof Map || input instanceof List)) {
        throw new CoercingParseValueException("Expected a scalar value but got " + input);
      }
      return input;
    }

    @Override
    public Object parseLiteral(
        Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
      if (!json && (input instanceof ObjectValue || input instanceof ArrayValue)) {
        throw new graphql.schema.CoercingParseLiteralException(
            "Expected a scalar literal but got " + input);
      }
      return literal(input, variables.toMap());
    }

    @Override
    public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
      if (input instanceof Number number) {
        return new FloatValue(new BigDecimal(number.toString()));
      } else if (input instanceof Boolean bool) {
        return new BooleanValue(bool);
      }
      return new StringValue(String.valueOf(input));
    }
  }
}
