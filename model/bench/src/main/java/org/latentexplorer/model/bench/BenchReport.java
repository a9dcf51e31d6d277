package org.latentexplorer.model.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The immutable results of a benchmark run: the machine it ran on, and one number per {@link
 * Measure}.
 */
public final class BenchReport {
  /**
   * One measured number.
   *
   * @param detail how it was measured (repeats, sizes), for the table's last column
   */
  public record Result(Measure measure, double value, String detail) {}

  private final Map<String, String> machine;
  private final Map<Measure, Result> results;

  BenchReport(Map<String, String> machine, Map<Measure, Result> results) {
    this.machine = Collections.unmodifiableMap(new LinkedHashMap<>(machine));
    this.results = Collections.unmodifiableMap(new EnumMap<>(results));
  }

  /** What the run ran on: backend, CPU, cores, Java, thread settings, model, data. */
  public Map<String, String> machine() {
    return machine;
  }

  /** The result of a measure; NaN when it was not measured. */
  public double value(Measure m) {
    Result r = results.get(m);
    return r == null ? Double.NaN : r.value();
  }

  /** The table, one measure per line, under the machine description. */
  public String table() {
    StringBuilder sb = new StringBuilder();
    int keyWidth = machine.keySet().stream().mapToInt(String::length).max().orElse(0);
    machine.forEach(
        (k, v) -> sb.append(String.format(Locale.ROOT, "%-" + keyWidth + "s  %s%n", k, v)));
    int labelWidth = 0;
    for (Measure m : Measure.values()) {
      labelWidth = Math.max(labelWidth, m.label().length());
    }
    String row = "%-" + labelWidth + "s  %12s  %-9s  %s%n";
    sb.append(String.format(Locale.ROOT, "%n" + row, "measure", "value", "unit", "how"));
    for (Measure m : Measure.values()) {
      Result r = results.get(m);
      sb.append(
          String.format(
              Locale.ROOT,
              row,
              m.label(),
              r == null ? "-" : format(r.value()),
              m.unit(),
              r == null ? "not measured" : r.detail()));
    }
    return sb.toString();
  }

  static String format(double v) {
    if (!Double.isFinite(v)) {
      return String.valueOf(v);
    }
    double a = Math.abs(v);
    return String.format(Locale.ROOT, a >= 100 ? "%,.0f" : a >= 10 ? "%.1f" : "%.2f", v);
  }

  /** The report as JSON: {"machine": {...}, "results": [{key, label, value, unit, detail}]}. */
  public String json() {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    ObjectNode m = root.putObject("machine");
    machine.forEach(m::put);
    ArrayNode rows = root.putArray("results");
    for (Result r : results.values()) {
      ObjectNode o = rows.addObject();
      o.put("key", r.measure().key());
      o.put("label", r.measure().label());
      if (Double.isFinite(r.value())) {
        o.put("value", r.value());
      } else {
        o.putNull("value");
      }
      o.put("unit", r.measure().unit());
      o.put("detail", r.detail());
    }
    try {
      return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
