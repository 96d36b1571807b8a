/**
 * The Mirakl seller API (MMP): OR11 incremental order reads, OR21 acceptance. Wire DTOs, the HTTP client and the
 * mapping to Synchron's model stay in this package.
 */
package io.synchron.connector.mirakl;
