package org.latentexplorer.app.curves;

import java.util.Locale;

/** Tick labels for a count of samples on a linear or log10 axis: 0, 500, 20k, 1.5M. Stateless. */
public final class AxisLabels {
  private AxisLabels() {}

  /** A count, short: 950, 12k, 1.2M, 3B. */
  public static String count(double v) {
    double a = Math.abs(v);
    if (a < 1000) {
      return trim(String.format(Locale.ROOT, "%.1f", v));
    }
    if (a < 1e6) {
      return trim(String.format(Locale.ROOT, "%.1f", v / 1e3)) + "k";
    }
    if (a < 1e9) {
      return trim(String.format(Locale.ROOT, "%.1f", v / 1e6)) + "M";
    }
    return trim(String.format(Locale.ROOT, "%.1f", v / 1e9)) + "B";
  }

  /** The label of a tick at {@code exponent} on a log10 axis: the count 10^exponent. */
  public static String power(double exponent) {
    return count(Math.pow(10, exponent));
  }

  private static String trim(String s) {
    return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
  }
}
