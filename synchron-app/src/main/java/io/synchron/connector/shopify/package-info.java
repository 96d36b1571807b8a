/**
 * The Shopify Admin GraphQL API: one client per store with the access-token header and the versioned URL, pacing
 * itself on {@code extensions.cost.throttleStatus}. Every document sent lives as a {@code .graphql} resource beside
 * this package, and a contract test validates each one against the real Admin schema.
 */
package io.synchron.connector.shopify;
