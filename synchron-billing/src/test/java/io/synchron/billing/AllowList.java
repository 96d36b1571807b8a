package io.synchron.billing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The reviewed allow-list of validator findings (src/test/resources/validation-allow-list.txt). */
final class AllowList {

  /** One entry: a fragment of a finding's line and why it is acceptable. */
  record Entry(String fragment, String justification) {
    boolean matches(EInvoiceValidation.Finding finding) {
      return finding.line().contains(fragment);
    }
  }

  private AllowList() {}

  static List<Entry> load() {
    try (InputStream in = AllowList.class.getResourceAsStream("/validation-allow-list.txt")) {
      List<Entry> entries = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        int bar = line.indexOf(" | ");
        entries.add(bar < 0 ? new Entry(line.strip(), "")
            : new Entry(line.substring(0, bar).strip(), line.substring(bar + 3).strip()));
      }
      return entries;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
