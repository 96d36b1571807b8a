package io.synchron.billing.render;

import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;
import com.ibm.icu.text.Bidi;
import java.util.regex.Pattern;

/**
 * Turns text in logical order into the glyph order a PDF shows, for right-to-left scripts: Arabic letters take their
 * contextual presentation forms (PDFBox applies no OpenType shaping for Arabic) and mixed-direction text is reordered
 * by the Unicode bidirectional algorithm. Left-to-right text passes through unchanged.
 */
final class TextShaper {

  private static final Pattern CONTROLS = Pattern.compile("[\\p{Cc}\\p{Zl}\\p{Zp}]");

  private TextShaper() {}

  static String visual(String logical) {
    String clean = CONTROLS.matcher(logical).replaceAll(" ");
    if (!Bidi.requiresBidi(clean.toCharArray(), 0, clean.length())) {
      return clean;
    }
    String shaped;
    try {
      shaped = new ArabicShaping(ArabicShaping.LETTERS_SHAPE | ArabicShaping.TEXT_DIRECTION_LOGICAL).shape(clean);
    } catch (ArabicShapingException e) {
      shaped = clean;
    }
    Bidi bidi = new Bidi(shaped, Bidi.LEVEL_DEFAULT_LTR);
    return bidi.writeReordered(Bidi.DO_MIRRORING);
  }
}
