package io.synchron.billing.render;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Measures and draws text of any script in one PDF: each character is drawn with the first embedded font that has a
 * glyph for it (DejaVu Sans, then the CJK fallback); a character no font has becomes U+FFFD, visibly. Fonts are
 * embedded as subsets, and only when used.
 */
final class PdfText implements Closeable {

  private static final int REPLACEMENT = 0xFFFD;

  private final PDDocument document;
  private final Map<FontFace, PDType0Font> fonts = new EnumMap<>(FontFace.class);
  private final List<Closeable> sources = new ArrayList<>();

  PdfText(PDDocument document) {
    this.document = document;
  }

  /** A stretch of visual-order text drawn with one font. */
  private record Run(PDType0Font font, String text) {}

  float width(String logical, boolean bold, float size) {
    float width = 0;
    for (Run run : runs(TextShaper.visual(logical), bold)) {
      width += stringWidth(run) * size / 1000f;
    }
    return width;
  }

  void draw(PDPageContentStream content, String logical, boolean bold, float size, float x, float y) {
    try {
      content.beginText();
      content.newLineAtOffset(x, y);
      for (Run run : runs(TextShaper.visual(logical), bold)) {
        content.setFont(run.font(), size);
        content.showText(run.text());
      }
      content.endText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void drawRight(PDPageContentStream content, String logical, boolean bold, float size, float right, float y) {
    draw(content, logical, bold, size, right - width(logical, bold, size), y);
  }

  /** Greedy word wrap to {@code maxWidth}; words wider than a line (e.g. CJK text without spaces) are cut. */
  List<String> wrap(String logical, boolean bold, float size, float maxWidth) {
    List<String> lines = new ArrayList<>();
    String current = "";
    for (String word : logical.strip().split("\\s+")) {
      String candidate = current.isEmpty() ? word : current + " " + word;
      if (width(candidate, bold, size) <= maxWidth) {
        current = candidate;
        continue;
      }
      if (!current.isEmpty()) {
        lines.add(current);
      }
      current = word;
      while (width(current, bold, size) > maxWidth && current.codePointCount(0, current.length()) > 1) {
        int cut = current.offsetByCodePoints(0, 1);
        while (cut < current.length()
            && width(current.substring(0, current.offsetByCodePoints(cut, 1)), bold, size) <= maxWidth) {
          cut = current.offsetByCodePoints(cut, 1);
        }
        lines.add(current.substring(0, cut));
        current = current.substring(cut);
      }
    }
    if (!current.isEmpty() || lines.isEmpty()) {
      lines.add(current);
    }
    return lines;
  }

  private List<Run> runs(String visual, boolean bold) {
    FontFace primary = bold ? FontFace.BOLD : FontFace.REGULAR;
    List<Run> runs = new ArrayList<>();
    FontFace runFace = null;
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < visual.length(); ) {
      int codePoint = visual.codePointAt(i);
      i += Character.charCount(codePoint);
      if (Character.getType(codePoint) == Character.FORMAT) {
        continue;
      }
      FontFace face = primary.covers(codePoint) ? primary : FontFace.CJK.covers(codePoint) ? FontFace.CJK : null;
      if (face == null) {
        face = primary;
        codePoint = REPLACEMENT;
      }
      if (face != runFace && text.length() > 0) {
        runs.add(new Run(font(runFace), text.toString()));
        text.setLength(0);
      }
      runFace = face;
      text.appendCodePoint(codePoint);
    }
    if (text.length() > 0) {
      runs.add(new Run(font(runFace), text.toString()));
    }
    return runs;
  }

  private float stringWidth(Run run) {
    try {
      return run.font().getStringWidth(run.text());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private PDType0Font font(FontFace face) {
    return fonts.computeIfAbsent(face, f -> {
      try {
        FontFace.Parsed parsed = f.parse();
        sources.add(parsed.source());
        return PDType0Font.load(document, parsed.font(), true);
      } catch (IOException e) {
        throw new UncheckedIOException("Could not embed font " + f, e);
      }
    });
  }

  /** Releases the parsed fonts; call after the PDF is saved, since subsetting reads them while saving. */
  @Override
  public void close() throws IOException {
    for (Closeable source : sources) {
      source.close();
    }
  }
}
