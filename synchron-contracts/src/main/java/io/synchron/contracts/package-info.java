/**
 * The contract kit: test-support oracles that hold wire traffic to the platforms' real published specifications,
 * read from the shared reference folder rather than copied into the project.
 *
 * <ul>
 *   <li>{@link io.synchron.contracts.MiraklSellerSpec}: Mirakl's seller OpenAPI 3.1 spec, for HTTP requests and
 *       responses;</li>
 *   <li>{@link io.synchron.contracts.ShopifyAdminSchema}: Shopify's Admin GraphQL schema (2026-07), for documents
 *       and their variables.</li>
 * </ul>
 *
 * <p>Both return violations as plain strings (an empty list means "conforms"), so that a failing assertion shows
 * every problem at once. For use in tests only: the JUnit API is a compile dependency because
 * {@link io.synchron.contracts.MiraklSellerSpec#requireOrSkip()} skips a test when the specs are absent. JSON this
 * kit parses itself goes through Jackson 3; the JSON Schema validator it delegates to works on Jackson 2 trees.
 */
package io.synchron.contracts;
