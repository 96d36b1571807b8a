/**
 * Rendering of issued documents: {@link io.synchron.billing.render.StandardDocumentRenderer} writes the CII
 * (Factur-X EN 16931 profile), lays out the PDF/A-3 with embedded fonts for any script, embeds the CII with
 * Mustangproject, and derives the UBL 2.1 from the CII.
 */
package io.synchron.billing.render;
