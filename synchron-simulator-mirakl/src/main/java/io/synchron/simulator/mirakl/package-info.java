/**
 * An independent simulator of the Mirakl Marketplace Platform (MMP) seller API, written from
 * Mirakl's published seller OpenAPI spec and the project's Mirakl reference notes, never from
 * Synchron's own Mirakl client.
 *
 * <p>{@link io.synchron.simulator.mirakl.MiraklSimulator} serves OR11 ({@code GET /api/orders}) and
 * OR21 ({@code PUT /api/orders/{order_id}/accept}) over HTTP on 127.0.0.1, keeps the real order
 * state machine, and lets tests play the customer and the operator through its Java API, script
 * faults and read a journal of every exchange.
 */
package io.synchron.simulator.mirakl;
