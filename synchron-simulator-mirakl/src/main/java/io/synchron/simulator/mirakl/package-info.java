/**
 * An independent simulator of the Mirakl Marketplace Platform (MMP) seller API, written from
 * Mirakl's published seller OpenAPI spec and the project's Mirakl reference notes, never from
 * Synchron's own Mirakl client.
 *
 * <p>{@link io.synchron.simulator.mirakl.MiraklSimulator} serves over HTTP on 127.0.0.1 the order
 * operations Synchron uses: listing and acceptance (OR11, OR21), reference data (SH21 carriers,
 * RE01 reasons), fulfilment (OR23, OR24 and the multi-shipment API ST01, ST11, ST23, ST24),
 * cancellations (OR29, OR30), refunds (OR28), incidents (OR64), documents (OR74, OR72), accounting
 * document requests (DR11, DR12, DR74) and returns (RT01, RT11, RT12, RT21, RT25, RT26, RT27,
 * RT29). It keeps the real order and return state machines, lets tests play the customer and the
 * operator through its Java API, script faults per operation code and read a journal of every
 * exchange.
 */
package io.synchron.simulator.mirakl;
