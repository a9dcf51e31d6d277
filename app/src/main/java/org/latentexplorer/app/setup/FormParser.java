package org.latentexplorer.app.setup;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.latentexplorer.model.vae.DecoderVariance;
import org.latentexplorer.model.vae.ModelConfig;

/**
 * Reads the setup form's text fields as numbers, statelessly and purely (no JavaFX, no workspace,
 * so every rule is tested on plain strings), or says for each field why its text is refused.
 *
 * <p>Whether the numbers make a model together is not its question: the engine's configurations
 * check that, and the form shows their answer for the whole form.
 */
final class FormParser {
  /** The most hidden layers the form accepts. */
  static final int MAX_LAYERS = 8;

  /**
   * The value the fixed-variance field offers first: the best fixed variance measured on
   * Fashion-MNIST (new Gaussian models learn one shared variance unless a fixed one is chosen).
   */
  static final double DEFAULT_VARIANCE = 0.05;

  private FormParser() {}

  /**
   * What the form's text fields hold: either every value ({@link Result#values()}), or the reason
   * for each refused field ({@link Result#errors()}). Immutable.
   */
  record Result(FormValues values, Map<Field, String> errors) {
    Result {
      errors = Collections.unmodifiableMap(new EnumMap<>(errors));
    }

    /** Whether every field holds a value. */
    boolean ok() {
      return values != null;
    }
  }

  /**
   * Parses the fields' text (a field missing from {@code text} is empty). The fields in {@code
   * unused} belong to other model families or choices and are not read: beta is then 1, lambda 10,
   * the variance {@link #DEFAULT_VARIANCE}.
   */
  static Result parse(Map<Field, String> text, Set<Field> unused) {
    Reading r = new Reading(text);
    Integer latent = r.integer(Field.LATENT, 1, ModelConfig.MAX_LATENT);
    List<Integer> hidden = r.widths();
    Double beta =
        unused.contains(Field.BETA) ? Double.valueOf(1) : r.decimal(Field.BETA, 0, 1000, true);
    Double lambda =
        unused.contains(Field.LAMBDA) ? Double.valueOf(10) : r.decimal(Field.LAMBDA, 0, 1e6, true);
    Double variance =
        unused.contains(Field.VARIANCE) ? Double.valueOf(DEFAULT_VARIANCE) : r.variance();
    Double lr = r.decimal(Field.LEARNING_RATE, 0, 10, false);
    Integer batch = r.integer(Field.BATCH, 2, 4096);
    Integer epochs = r.integer(Field.EPOCHS, 1, 100_000);
    Long seed = r.seed();
    if (!r.errors.isEmpty()) {
      return new Result(null, r.errors);
    }
    return new Result(
        new FormValues(latent, hidden, beta, lambda, variance, lr, batch, epochs, seed), r.errors);
  }

  /** A number as a person would type it: 0.001, 10, 0.5. */
  static String number(double v) {
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  /** One pass over the fields: each read returns the value, or null and notes the reason. */
  private static final class Reading {
    private final Map<Field, String> text;
    private final Map<Field, String> errors = new EnumMap<>(Field.class);

    Reading(Map<Field, String> text) {
      this.text = text;
    }

    private String text(Field f) {
      String s = text.get(f);
      return s == null ? "" : s.trim();
    }

    Integer integer(Field f, int min, int max) {
      String s = text(f);
      try {
        int v = Integer.parseInt(s.replace("_", "").replace(",", ""));
        if (v < min || v > max) {
          return fail(f, "Must be between " + min + " and " + max + ".");
        }
        return v;
      } catch (NumberFormatException e) {
        return fail(
            f, s.isEmpty() ? "Enter a whole number." : "\"" + s + "\" is not a whole number.");
      }
    }

    Double decimal(Field f, double min, double max, boolean minAllowed) {
      String s = text(f);
      double v;
      try {
        v = Double.parseDouble(s);
      } catch (NumberFormatException e) {
        return fail(f, s.isEmpty() ? "Enter a number." : "\"" + s + "\" is not a number.");
      }
      if (!Double.isFinite(v) || v > max || v < min || (!minAllowed && v == min)) {
        return fail(
            f,
            "Must be "
                + (minAllowed ? "at least " : "above ")
                + number(min)
                + " and at most "
                + number(max)
                + ".");
      }
      return v;
    }

    /**
     * A fixed variance within the engine's range, the one train's {@code --variance fixed:V} is
     * checked against; its floor e^-8 is shown rounded, as nobody types all its digits.
     */
    Double variance() {
      String s = text(Field.VARIANCE);
      double v;
      try {
        v = Double.parseDouble(s);
      } catch (NumberFormatException e) {
        return fail(
            Field.VARIANCE, s.isEmpty() ? "Enter a number." : "\"" + s + "\" is not a number.");
      }
      if (!(v >= DecoderVariance.MIN_FIXED && v <= DecoderVariance.MAX_FIXED)) {
        return fail(
            Field.VARIANCE,
            String.format(
                Locale.ROOT,
                "Must be between %.2g (the learned variances' floor) and %s.",
                DecoderVariance.MIN_FIXED,
                number(DecoderVariance.MAX_FIXED)));
      }
      return v;
    }

    Long seed() {
      String s = text(Field.SEED);
      try {
        return Long.parseLong(s);
      } catch (NumberFormatException e) {
        return fail(Field.SEED, "Enter a whole number (the same seed gives the same run).");
      }
    }

    List<Integer> widths() {
      String s = text(Field.HIDDEN);
      List<Integer> out = new ArrayList<>();
      if (s.isEmpty()) {
        return out;
      }
      for (String part : s.split("[,;\\s]+")) {
        try {
          int w = Integer.parseInt(part);
          if (w < 1 || w > ModelConfig.MAX_WIDTH) {
            return fail(
                Field.HIDDEN, "Each width must be between 1 and " + ModelConfig.MAX_WIDTH + ".");
          }
          out.add(w);
        } catch (NumberFormatException e) {
          return fail(Field.HIDDEN, "Widths separated by commas, e.g. 512 or 512, 256.");
        }
      }
      if (out.size() > MAX_LAYERS) {
        return fail(Field.HIDDEN, "At most " + MAX_LAYERS + " hidden layers.");
      }
      return out;
    }

    private <T> T fail(Field f, String reason) {
      errors.put(f, reason);
      return null;
    }
  }
}
