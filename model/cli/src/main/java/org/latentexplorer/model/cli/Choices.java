package org.latentexplorer.model.cli;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.latentexplorer.model.data.Binarization;
import org.latentexplorer.model.nn.Activation;
import org.latentexplorer.model.nn.Initialization;
import org.latentexplorer.model.nn.OptimizerKind;
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

  static final class GridSpacing extends Table<ManifoldGrid.Spacing> {
    GridSpacing() {
      put("linear", ManifoldGrid.Spacing.LINEAR).put("gaussian", ManifoldGrid.Spacing.GAUSSIAN);
    }
  }
}
