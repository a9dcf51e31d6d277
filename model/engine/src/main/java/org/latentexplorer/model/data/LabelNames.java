package org.latentexplorer.model.data;

import java.util.ArrayList;
import java.util.List;

/** Default class names for labels that are plain numbers; stateless. */
final class LabelNames {
  private LabelNames() {}

  /** "0", "1", ..., up to {@code count - 1}. */
  static List<String> numbered(int count) {
    List<String> names = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      names.add(Integer.toString(i));
    }
    return names;
  }

  /** The digits "0" to "9", or more numbers when a label is larger than 9. */
  static List<String> digitsOrMore(int maxLabel) {
    return numbered(Math.max(10, maxLabel + 1));
  }
}
