package io.synchron.billing.render;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.BitSet;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * A TrueType font the renderer embeds, read from the classpath once per JVM: its bytes (parsed again for each PDF,
 * since parsed fonts are not safe to share between threads) and the set of code points it has glyphs for. See
 * {@code fonts/README.md} for origins and licences.
 */
enum FontFace {
  REGULAR("/net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf", null),
  BOLD("/net/sf/jasperreports/fonts/dejavu/DejaVuSans-Bold.ttf", null),
  CJK("/io/synchron/billing/render/fonts/wqy-microhei.ttc", "WenQuanYiMicroHei");

  /** Code points scanned for coverage: the BMP and the supplementary ideographic planes (CJK extensions). */
  private static final int LAST_CODE_POINT = 0x2FFFF;

  private final String resource;
  private final String nameInCollection;
  private volatile Loaded loaded;

  private record Loaded(byte[] bytes, BitSet coverage) {}

  /** A font parsed for one PDF, and what to close once that PDF is saved. */
  record Parsed(TrueTypeFont font, Closeable source) {}

  FontFace(String resource, String nameInCollection) {
    this.resource = resource;
    this.nameInCollection = nameInCollection;
  }

  Parsed parse() throws IOException {
    return parse(load().bytes);
  }

  boolean covers(int codePoint) {
    return load().coverage.get(codePoint);
  }

  private Parsed parse(byte[] bytes) throws IOException {
    if (nameInCollection == null) {
      TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
      return new Parsed(font, font);
    }
    TrueTypeCollection collection = new TrueTypeCollection(new ByteArrayInputStream(bytes));
    return new Parsed(collection.getFontByName(nameInCollection), collection);
  }

  private Loaded load() {
    Loaded result = loaded;
    if (result == null) {
      synchronized (this) {
        result = loaded;
        if (result == null) {
          result = read();
          loaded = result;
        }
      }
    }
    return result;
  }

  private Loaded read() {
    try (InputStream in = FontFace.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Font " + resource + " is missing from the classpath");
      }
      byte[] bytes = in.readAllBytes();
      BitSet coverage = new BitSet(LAST_CODE_POINT + 1);
      Parsed parsed = parse(bytes);
      try (Closeable source = parsed.source()) {
        var cmap = parsed.font().getUnicodeCmapLookup();
        for (int codePoint = 0x20; codePoint <= LAST_CODE_POINT; codePoint++) {
          if (cmap.getGlyphId(codePoint) > 0) {
            coverage.set(codePoint);
          }
        }
      }
      return new Loaded(bytes, coverage);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read font " + resource, e);
    }
  }
}
