package io.synchron.simulator.mirakl;

import java.time.Instant;

/** A document uploaded with OR74. The bytes are never handed out without a copy. */
record SimDocument(
    long id, String orderId, String fileName, String typeCode, byte[] content, Instant uploaded) {}
