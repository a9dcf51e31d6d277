package org.latentexplorer.model.cli;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.latentexplorer.model.data.Binarization;
import org.latentexplorer.model.explore.GridSpacing;
import org.latentexplorer.model.explore.LatentPath;
import org.latentexplorer.model.explore.TimelineFrames;
import org.latentexplorer.model.nn.Activation;
import org.latentexplorer.model.nn.Initialization;
import org.latentexplorer.model.nn.OptimizerKind;
import org.latentexplorer.model.vae.DecoderVariance;
import org.latentexplorer.model.vae.KlEstimator;
import org.latentexplorer.model.vae.Likelihood;
import org.latentexplorer.model.vae.ModelFamily;
import org.latentexplorer.model.vae.Posterior;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The words the command line accepts for the engine's enums, and their conversion: short lower-case
 * names ({@code full}, not {@code FULL_COVARIANCE}), matched without regard to case. Each nested
 * class is both a picocli converter and the list of candidates shown in the help. Immutable.
 */
final class Choices {
  private Choices() {}

  /** A fixed table of names and values. */
  abstract static class Table<T> implements ITypeConverter<T>, Iterable<String> {
    private final Map<String, T> byName = new LinkedHashMap<>();

    Table<T> put(String name, T value) {
      byName.put(name, value);
      return this;
    }

    @Override
    public T convert(String value) {
      T t = byName.get(value.strip().toLowerCase(Locale.ROOT));
      if (t == null) {
        throw new TypeConversionException(
            "expected one of " + String.join(", ", byName.keySet()) + ", got '" + value + "'");
      }
      return t;
    }

    /** The command-line word for a value, as the help lists it. */
    String nameOf(T value) {
      return byName.entrySet().stream()
          .filter(e -> e.getValue() == value)
          .map(Map.Entry::getKey)
          .findFirst()
          .orElse(String.valueOf(value));
    }

    @Override
    public Iterator<String> iterator() {
      return byName.keySet().iterator();
    }
  }

  static final class Family extends Table<ModelFamily> {
    Family() {
      put("vae", ModelFamily.VAE).put("aae", ModelFamily.AAE).put("wae", ModelFamily.WAE);
    }
  }

  static final class PosteriorForm extends Table<Posterior> {
    PosteriorForm() {
      put("diagonal", Posterior.DIAGONAL).put("full", Posterior.FULL_COVARIANCE);
    }
  }

  static final class PixelLikelihood extends Table<Likelihood> {
    PixelLikelihood() {
      put("bernoulli", Likelihood.BERNOULLI).put("gaussian", Likelihood.GAUSSIAN);
    }
  }

  /**
   * A Gaussian decoder's variance: {@code per-pixel}, {@code shared}, or {@code fixed:V} with the
   * variance V written in (a value belongs to the choice it sets, so the two cannot disagree).
   */
  static final class Variance implements ITypeConverter<DecoderVariance>, Iterable<String> {
    private static final String FIXED = "fixed:";

    @Override
    public DecoderVariance convert(String value) {
      String v = value.strip().toLowerCase(Locale.ROOT);
      if (v.equals("per-pixel")) {
        return DecoderVariance.PER_PIXEL;
      }
      if (v.equals("shared")) {
        return DecoderVariance.SHARED;
      }
      if (v.startsWith(FIXED)) {
        double variance;
        try {
          variance = Double.parseDouble(v.substring(FIXED.length()));
        } catch (NumberFormatException e) {
          throw new TypeConversionException(
              "expected fixed:V with a variance V such as fixed:0.05, got '" + value + "'");
        }
        try {
          return DecoderVariance.fixed(variance);
        } catch (IllegalArgumentException e) {
          throw new TypeConversionException(e.getMessage());
        }
      }
      throw new TypeConversionException(
          "expected one of per-pixel, shared, fixed:V (such as fixed:0.05), got '" + value + "'");
    }

    /** The command-line word for a choice, as {@link #convert} reads it. */
    static String nameOf(DecoderVariance v) {
      return switch (v.kind()) {
        case PER_PIXEL -> "per-pixel";
        case SHARED -> "shared";
        case FIXED -> FIXED + v.fixedVariance();
      };
    }

    @Override
    public Iterator<String> iterator() {
      return java.util.List.of("per-pixel", "shared", "fixed:V").iterator();
    }
  }

  static final class HiddenActivation extends Table<Activation> {
    HiddenActivation() {
      put("relu", Activation.RELU)
          .put("tanh", Activation.TANH)
          .put("softplus", Activation.SOFTPLUS);
    }
  }

  static final class Optimizer extends Table<OptimizerKind> {
    Optimizer() {
      put("adam", OptimizerKind.ADAM)
          .put("adagrad", OptimizerKind.ADAGRAD)
          .put("sgd", OptimizerKind.SGD);
    }
  }

  static final class Binarize extends Table<Binarization> {
    Binarize() {
      put("none", Binarization.NONE)
          .put("threshold", Binarization.THRESHOLD)
          .put("fixed", Binarization.FIXED)
          .put("dynamic", Binarization.DYNAMIC);
    }
  }

  static final class KlEstimate extends Table<KlEstimator> {
    KlEstimate() {
      put("analytic", KlEstimator.ANALYTIC).put("mc", KlEstimator.MONTE_CARLO);
    }
  }

  static final class Init extends Table<Initialization> {
    Init() {
      put("glorot", Initialization.GLOROT_UNIFORM).put("fan-in", Initialization.FAN_IN_UNIFORM);
    }
  }

  /** "gaussian" is the spacing's first name, kept so that older command lines still work. */
  static final class TimelineView extends Table<TimelineFrames.Picture> {
    TimelineView() {
      put("manifold", TimelineFrames.Picture.MANIFOLD)
          .put("scatter", TimelineFrames.Picture.SCATTER);
    }
  }

  static final class Spacing extends Table<GridSpacing> {
    Spacing() {
      put("linear", GridSpacing.LINEAR)
          .put("quantile", GridSpacing.QUANTILE)
          .put("gaussian", GridSpacing.QUANTILE);
    }
  }

  static final class PathShape extends Table<LatentPath> {
    PathShape() {
      put("linear", LatentPath.LINEAR).put("spherical", LatentPath.SPHERICAL);
    }
  }
}
