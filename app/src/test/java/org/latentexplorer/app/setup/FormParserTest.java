package org.latentexplorer.app.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The setup form's rules for what may be typed, on plain strings. */
class FormParserTest {
  /** The classroom defaults, as the form shows them. */
  private static Map<Field, String> defaults() {
    Map<Field, String> t = new EnumMap<>(Field.class);
    t.put(Field.LATENT, "2");
    t.put(Field.HIDDEN, "512");
    t.put(Field.BETA, "1");
    t.put(Field.LAMBDA, "10");
    t.put(Field.VARIANCE, "0.05");
    t.put(Field.LEARNING_RATE, "0.001");
    t.put(Field.BATCH, "128");
    t.put(Field.EPOCHS, "50");
    t.put(Field.SEED, "42");
    return t;
  }

  private static FormParser.Result parse(Map<Field, String> text) {
    return FormParser.parse(text, Set.of());
  }

  private static FormParser.Result with(Field f, String value) {
    Map<Field, String> t = defaults();
    t.put(f, value);
    return parse(t);
  }

  private static String error(Field f, String value) {
    FormParser.Result r = with(f, value);
    assertFalse(r.ok(), f + " = " + value);
    assertNull(r.values());
    assertEquals(Set.of(f), r.errors().keySet(), "only the field typed into is refused");
    return r.errors().get(f);
  }

  @Test
  void theDefaultsParseToTheirNumbers() {
    FormParser.Result r = parse(defaults());

    assertTrue(r.ok());
    assertEquals(Map.of(), r.errors());
    assertEquals(new FormValues(2, List.of(512), 1, 10, 0.05, 0.001, 128, 50, 42), r.values());
  }

  @Test
  void textThatIsNotANumberIsRefusedWithTheTextQuoted() {
    assertEquals("\"two\" is not a whole number.", error(Field.LATENT, "two"));
    assertEquals("\"1.5\" is not a whole number.", error(Field.BATCH, "1.5"));
    assertEquals("\"fast\" is not a number.", error(Field.LEARNING_RATE, "fast"));
    assertEquals(
        "Enter a whole number (the same seed gives the same run).", error(Field.SEED, "random"));
  }

  @Test
  void anEmptyFieldAsksForANumber() {
    assertEquals("Enter a whole number.", error(Field.EPOCHS, "  "));
    assertEquals("Enter a number.", error(Field.BETA, ""));
    Map<Field, String> missing = defaults();
    missing.remove(Field.LATENT);
    assertEquals("Enter a whole number.", parse(missing).errors().get(Field.LATENT));
  }

  @Test
  void valuesOutsideTheirRangeSayTheRange() {
    assertEquals("Must be between 1 and 64.", error(Field.LATENT, "65"));
    assertEquals("Must be between 1 and 64.", error(Field.LATENT, "0"));
    assertEquals("Must be between 2 and 4096.", error(Field.BATCH, "1"));
    assertEquals("Must be between 1 and 100000.", error(Field.EPOCHS, "100001"));
    assertEquals("Must be above 0 and at most 10.", error(Field.LEARNING_RATE, "0"));
    assertEquals("Must be above 0 and at most 10.", error(Field.LEARNING_RATE, "NaN"));
    assertEquals("Must be at least 0 and at most 1000.", error(Field.BETA, "1e4"));
    assertEquals("Must be at least 0 and at most 1000000.", error(Field.LAMBDA, "-1"));
    assertEquals("Must be at least 0 and at most 1000000.", error(Field.LAMBDA, "Infinity"));
  }

  @Test
  void theEdgesOfTheRangesAreAllowedWhereTheySaySo() {
    assertEquals(0.0, with(Field.BETA, "0").values().beta(), "beta 0 is an autoencoder");
    assertEquals(64, with(Field.LATENT, "64").values().latent());
    assertEquals(10.0, with(Field.LEARNING_RATE, "10").values().learningRate());
    assertEquals(3e-4, with(Field.LEARNING_RATE, " 3e-4 ").values().learningRate());
  }

  @Test
  void wholeNumbersMayBeGroupedAndSeedsNegative() {
    assertEquals(1000, with(Field.EPOCHS, "1,000").values().epochs());
    assertEquals(2048, with(Field.BATCH, "2_048").values().batchSize());
    assertEquals(-5L, with(Field.SEED, "-5").values().seed());
  }

  @Test
  void hiddenSizesAreWidthsSeparatedByCommasSemicolonsOrSpaces() {
    assertEquals(List.of(512, 256, 128), with(Field.HIDDEN, "512, 256 128").values().hidden());
    assertEquals(List.of(64, 32), with(Field.HIDDEN, "64;32").values().hidden());
    assertEquals(List.of(), with(Field.HIDDEN, "").values().hidden(), "no hidden layer");
    assertEquals(
        "Widths separated by commas, e.g. 512 or 512, 256.", error(Field.HIDDEN, "512, wide"));
    assertEquals("Each width must be between 1 and 8192.", error(Field.HIDDEN, "512, 0"));
    assertEquals("Each width must be between 1 and 8192.", error(Field.HIDDEN, "8193"));
    assertEquals("At most 8 hidden layers.", error(Field.HIDDEN, "9 8 7 6 5 4 3 2 1"));
    assertEquals(8, with(Field.HIDDEN, "8 7 6 5 4 3 2 1").values().hidden().size());
  }

  @Test
  void everyRefusedFieldHasItsOwnReason() {
    Map<Field, String> t = defaults();
    t.put(Field.LATENT, "100");
    t.put(Field.BATCH, "1");
    t.put(Field.LEARNING_RATE, "0");

    FormParser.Result r = parse(t);

    assertNull(r.values());
    assertEquals(
        Map.of(
            Field.LATENT,
            "Must be between 1 and 64.",
            Field.BATCH,
            "Must be between 2 and 4096.",
            Field.LEARNING_RATE,
            "Must be above 0 and at most 10."),
        r.errors());
  }

  @Test
  void fieldsOfOtherFamiliesAreNotReadAndHaveTheirNeutralValues() {
    Map<Field, String> t = defaults();
    t.put(Field.BETA, "not used");
    t.put(Field.LAMBDA, "");

    FormParser.Result r = FormParser.parse(t, EnumSet.of(Field.BETA, Field.LAMBDA));

    assertTrue(r.ok(), () -> r.errors().toString());
    assertEquals(1.0, r.values().beta());
    assertEquals(10.0, r.values().lambda());
  }

  @Test
  void aFixedVarianceMustLieInTheRangeTrainAccepts() {
    assertEquals(0.2, with(Field.VARIANCE, "0.2").values().variance());
    assertEquals(1.0, with(Field.VARIANCE, "1").values().variance(), "1 is the largest");
    String range = "Must be between 0.00034 (the learned variances' floor) and 1.";
    assertEquals(range, error(Field.VARIANCE, "0"));
    assertEquals(range, error(Field.VARIANCE, "0.0001"));
    assertEquals(range, error(Field.VARIANCE, "1.5"));
    assertEquals(range, error(Field.VARIANCE, "NaN"));
    assertEquals("\"high\" is not a number.", error(Field.VARIANCE, "high"));
  }

  @Test
  void aVarianceThatIsNotUsedIsNotReadAndIsTrainsDefault() {
    Map<Field, String> t = defaults();
    t.put(Field.VARIANCE, "");

    FormParser.Result r = FormParser.parse(t, EnumSet.of(Field.VARIANCE));

    assertTrue(r.ok(), () -> r.errors().toString());
    assertEquals(0.05, r.values().variance());
  }

  @Test
  void numbersAreWrittenAsAPersonTypesThem() {
    assertEquals("0.001", FormParser.number(1e-3));
    assertEquals("0.0003", FormParser.number(3e-4));
    assertEquals("10", FormParser.number(10));
    assertEquals("0.5", FormParser.number(0.5));
    assertEquals(
        0.0003,
        with(Field.LEARNING_RATE, FormParser.number(3e-4)).values().learningRate(),
        "and read back as the same number");
  }
}
