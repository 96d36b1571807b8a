package io.synchron.billing;

/**
 * A note on the document (EN 16931 BG-1): free text with an optional UNTDID 4451 subject code (BT-21), such as "AAB"
 * (discount terms), "PMD" (late-payment penalties), "PMT" (recovery costs) or "REG" (regulatory information).
 */
public record DocumentNote(String subjectCode, String text) {

  public DocumentNote {
    subjectCode = Checks.optionalText(subjectCode);
    text = Checks.text(text, "text");
  }
}
