/**
 * Inbound signals, stored before anything is done with them and de-duplicated on the source's own key (for a
 * marketplace poll: order id and last-update date). A signal that cannot be read stays here, with its raw payload
 * and the reason, until a person retries or dismisses it: nothing that arrived is lost.
 */
package io.synchron.inbox;
