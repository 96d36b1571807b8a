/**
 * The REST API (JSON, described at /v3/api-docs): orders with their timelines, the exceptions a person can act on,
 * and the channels' polling status. Its JSON records are its own; no domain or wire type is serialised directly.
 */
package io.synchron.api;
