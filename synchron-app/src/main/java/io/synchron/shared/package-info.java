/** The small kernel every module may use: failure classification and money arithmetic. Nothing with a home elsewhere. */
package io.synchron.shared;
