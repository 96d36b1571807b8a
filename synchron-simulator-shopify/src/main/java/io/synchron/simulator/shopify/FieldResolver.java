package io.synchron.simulator.shopify;

import graphql.schema.DataFetchingEnvironment;

/**
 * A value in a backing map that is computed from the field's arguments (connections, {@code
 * metafield(namespace:, key:)}).
 */
@FunctionalInterface
interface FieldResolver {
  Object resolve(DataFetchingEnvironment env);
}
