package io.synchron.simulator.shopify;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.SourceLocation;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Static checks and cost of one validated operation, following Shopify's calculated query cost
 * (reference §5.1): a scalar or enum field costs 0, an object field 1 plus its selection, a
 * connection {@code first|last} times the cost of one item plus 2 ({@code pageInfo} is free), and a
 * mutation root field a flat 10. The actual cost counts the items a connection really returned.
 */
final class DocumentAnalysis {

  static final int MUTATION_COST = 10;
  static final int MAX_PAGE_SIZE = 250;

  private final GraphQLSchema schema;
  private final Map<String, FragmentDefinition> fragments = new LinkedHashMap<>();
  private final OperationDefinition operation;
  private final Map<String, Object> variables;
  private final List<Map<String, Object>> problems = new ArrayList<>();

  private DocumentAnalysis(
      GraphQLSchema schema,
      Document document,
      OperationDefinition operation,
      Map<String, Object> variables) {
    this.schema = schema;
    this.operation = operation;
    this.variables = variables;
    document
        .getDefinitionsOfType(FragmentDefinition.class)
        .forEach(f -> fragments.put(f.getName(), f));
  }

  /** The result of {@link #analyse}. */
  record Result(List<String> rootFields, List<Map<String, Object>> problems, int requestedCost) {}

  static Result analyse(
      GraphQLSchema schema,
      Document document,
      OperationDefinition operation,
      Map<String, Object> variables) {
    DocumentAnalysis analysis = new DocumentAnalysis(schema, document, operation, variables);
    GraphQLCompositeType root = analysis.rootType();
    List<String> rootFields = new ArrayList<>();
    for (FieldInType f : analysis.collect(operation.getSelectionSet(), root)) {
      rootFields.add(f.field().getName());
    }
    int cost = analysis.cost(operation.getSelectionSet(), root, null, true);
    return new Result(List.copyOf(rootFields), List.copyOf(analysis.problems), cost);
  }

  /** The cost of what the execution actually returned in {@code data}. */
  static int actualCost(
      GraphQLSchema schema,
      Document document,
      OperationDefinition operation,
      Map<String, Object> variables,
      Object data) {
    DocumentAnalysis analysis = new DocumentAnalysis(schema, document, operation, variables);
    if (!(data instanceof Map)) {
      return 0;
    }
    return analysis.cost(operation.getSelectionSet(), analysis.rootType(), data, false);
  }

  private GraphQLCompositeType rootType() {
    return operation.getOperation() == OperationDefinition.Operation.MUTATION
        ? schema.getMutationType()
        : schema.getQueryType();
  }

  private boolean isMutationRoot(GraphQLCompositeType type) {
    return operation.getOperation() == OperationDefinition.Operation.MUTATION
        && type == schema.getMutationType();
  }

  /**
   * @param data the response object for this selection in actual mode, null in requested mode
   * @param requested requested mode also records problems
   */
  private int cost(
      SelectionSet selectionSet, GraphQLCompositeType parent, Object data, boolean requested) {
    int total = 0;
    for (FieldInType f : collect(selectionSet, parent)) {
      Field field = f.field();
      if (field.getName().startsWith("__")) {
        continue;
      }
      if (requested && !ImplementedFields.isImplemented(f.parent().getName(), field.getName())) {
        problem(
            "Field '"
                + field.getName()
                + "' on type '"
                + f.parent().getName()
                + "' is not implemented by the Shopify simulator",
            field.getSourceLocation(),
            SimulatorGraphQlException.NOT_IMPLEMENTED);
        continue;
      }
      if (!(f.parent() instanceof GraphQLFieldsContainer container)) {
        continue;
      }
      GraphQLFieldDefinition definition = container.getFieldDefinition(field.getName());
      if (definition == null) {
        continue;
      }
      Object value = null;
      if (!requested) {
        if (!(data instanceof Map<?, ?> map) || !map.containsKey(responseKey(field))) {
          continue;
        }
        value = map.get(responseKey(field));
      }
      GraphQLType unwrapped = GraphQLTypeUtil.unwrapAll(definition.getType());
      if (!(unwrapped instanceof GraphQLCompositeType composite)) {
        continue;
      }
      int fieldCost;
      if (isConnection(definition)) {
        fieldCost = connectionCost(field, composite, value, requested);
      } else if (!requested && value instanceof List<?> list) {
        fieldCost = 0;
        for (Object item : list) {
          fieldCost += 1 + cost(field.getSelectionSet(), composite, item, false);
        }
      } else if (!requested && value == null) {
        fieldCost = 1;
      } else {
        fieldCost = 1 + cost(field.getSelectionSet(), composite, value, requested);
      }
      total += isMutationRoot(parent) ? MUTATION_COST : fieldCost;
    }
    return total;
  }

  private int connectionCost(
      Field field, GraphQLCompositeType connection, Object value, boolean requested) {
    List<FieldInType> parts = new ArrayList<>();
    for (FieldInType part : collect(field.getSelectionSet(), connection)) {
      if (!part.field().getName().equals("pageInfo")) {
        parts.add(part);
      }
    }
    if (requested) {
      // Validates pageInfo's subfields too, though it adds nothing to the cost.
      collect(field.getSelectionSet(), connection).stream()
          .filter(p -> p.field().getName().equals("pageInfo"))
          .forEach(p -> cost(p.field().getSelectionSet(), pageInfoType(), null, true));
      Integer size = pageSize(field);
      int itemCost = 0;
      for (FieldInType part : parts) {
        itemCost += partCost(part, connection, null, true);
      }
      return (size == null ? 0 : size) * itemCost + 2;
    }
    if (!(value instanceof Map<?, ?> map)) {
      return 2;
    }
    int total = 2;
    for (FieldInType part : parts) {
      if (map.get(responseKey(part.field())) instanceof List<?> items) {
        for (Object item : items) {
          total += partCost(part, connection, item, false);
        }
      }
    }
    return total;
  }

  private int partCost(
      FieldInType part, GraphQLCompositeType connection, Object item, boolean req) {
    if (part.field().getName().startsWith("__")) {
      return 0;
    }
    if (req && !ImplementedFields.isImplemented(part.parent().getName(), part.field().getName())) {
      problem(
          "Field '"
              + part.field().getName()
              + "' on type '"
              + part.parent().getName()
              + "' is not implemented by the Shopify simulator",
          part.field().getSourceLocation(),
          SimulatorGraphQlException.NOT_IMPLEMENTED);
      return 0;
    }
    GraphQLFieldDefinition definition =
        ((GraphQLFieldsContainer) connection).getFieldDefinition(part.field().getName());
    if (definition == null) {
      return 0;
    }
    GraphQLType unwrapped = GraphQLTypeUtil.unwrapAll(definition.getType());
    if (!(unwrapped instanceof GraphQLCompositeType composite)) {
      return 0;
    }
    return 1 + cost(part.field().getSelectionSet(), composite, item, req);
  }

  private GraphQLCompositeType pageInfoType() {
    return (GraphQLCompositeType) schema.getType("PageInfo");
  }

  private Integer pageSize(Field field) {
    Integer first = intArgument(field, "first");
    Integer last = intArgument(field, "last");
    if (first == null && last == null) {
      problem("you must provide one of first or last", field.getSourceLocation(), "BAD_REQUEST");
      return null;
    }
    if (first != null && last != null) {
      problem(
          "providing both first and last is not supported",
          field.getSourceLocation(),
          "BAD_REQUEST");
    }
    int size = first != null ? first : last;
    if (size < 0) {
      problem(
          (first != null ? "first" : "last") + " cannot be negative",
          field.getSourceLocation(),
          "BAD_REQUEST");
      return 0;
    }
    if (size > MAX_PAGE_SIZE) {
      problem(
          "The " + (first != null ? "first" : "last") + " argument cannot exceed 250.",
          field.getSourceLocation(),
          "BAD_REQUEST");
    }
    return size;
  }

  private Integer intArgument(Field field, String name) {
    Value<?> value =
        field.getArguments().stream()
            .filter(a -> a.getName().equals(name))
            .map(a -> (Value<?>) a.getValue())
            .findFirst()
            .orElse(null);
    if (value instanceof IntValue literal) {
      return literal.getValue().intValue();
    } else if (value instanceof VariableReference ref
        && variables.get(ref.getName()) instanceof Number number) {
      return number.intValue();
    }
    return null;
  }

  private static boolean isConnection(GraphQLFieldDefinition definition) {
    GraphQLType type = GraphQLTypeUtil.unwrapNonNull(definition.getType());
    return !(type instanceof GraphQLList)
        && type instanceof GraphQLNamedType named
        && named.getName().endsWith("Connection")
        && definition.getArgument("first") != null;
  }

  private static String responseKey(Field field) {
    return field.getAlias() != null ? field.getAlias() : field.getName();
  }

  private record FieldInType(Field field, GraphQLCompositeType parent) {}

  private List<FieldInType> collect(SelectionSet selectionSet, GraphQLCompositeType parent) {
    List<FieldInType> fields = new ArrayList<>();
    if (selectionSet != null) {
      collect(selectionSet, parent, fields, 0);
    }
    return fields;
  }

  private void collect(
      SelectionSet selectionSet, GraphQLCompositeType parent, List<FieldInType> out, int depth) {
    if (depth > 50) {
      return;
    }
    for (Selection<?> selection : selectionSet.getSelections()) {
      if (selection instanceof Field field) {
        out.add(new FieldInType(field, parent));
      } else if (selection instanceof InlineFragment inline) {
        GraphQLCompositeType type =
            inline.getTypeCondition() == null
                ? parent
                : (GraphQLCompositeType) schema.getType(inline.getTypeCondition().getName());
        collect(inline.getSelectionSet(), type, out, depth + 1);
      } else if (selection instanceof FragmentSpread spread) {
        FragmentDefinition fragment = fragments.get(spread.getName());
        if (fragment != null) {
          GraphQLCompositeType type =
              (GraphQLCompositeType) schema.getType(fragment.getTypeCondition().getName());
          collect(fragment.getSelectionSet(), type, out, depth + 1);
        }
      }
    }
  }

  private void problem(String message, SourceLocation location, String code) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("message", message);
    if (location != null) {
      error.put(
          "locations", List.of(Map.of("line", location.getLine(), "column", location.getColumn())));
    }
    error.put("extensions", Map.of("code", code));
    problems.add(error);
  }
}
