package org.latentexplorer.app.setup;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.latentexplorer.app.fx.Choice;
import org.latentexplorer.app.workspace.DatasetChoice;
import org.latentexplorer.app.workspace.DatasetOpener;
import org.latentexplorer.app.workspace.LoadedData;
import org.latentexplorer.app.workspace.RunConfig;
import org.latentexplorer.app.workspace.Sessions;
import org.latentexplorer.app.workspace.Workspace;
import org.latentexplorer.model.data.Binarization;
import org.latentexplorer.model.data.BundledDataset;
import org.latentexplorer.model.nn.Activation;
import org.latentexplorer.model.nn.OptimizerKind;
import org.latentexplorer.model.train.Snapshot;
import org.latentexplorer.model.train.TrainingConfig;
import org.latentexplorer.model.train.TrainingMemory;
import org.latentexplorer.model.vae.DecoderVariance;
import org.latentexplorer.model.vae.KlEstimator;
import org.latentexplorer.model.vae.Likelihood;
import org.latentexplorer.model.vae.ModelConfig;
import org.latentexplorer.model.vae.ModelFamily;
import org.latentexplorer.model.vae.Posterior;

/**
 * The setup form's state: the text of each field, the choices, the reason a value is refused, and
 * the configurations they make. Confined to the JavaFX thread (it needs no toolkit, so tests drive
 * it directly).
 *
 * <p>Every change re-checks the form. A field with a bad value gets a reason ({@link
 * #errorProperty(Field)}); values that parse but do not fit together get one for the whole form
 * ({@link #formErrorProperty()}), taken from the engine's own check. Apply is possible only when
 * both are empty and the form differs from the running model.
 */
public final class SetupViewModel {
  private final Workspace workspace;
  private final Sessions sessions;
  private final DatasetOpener opener;
  private final ObservableList<DatasetChoice> datasets = FXCollections.observableArrayList();
  private final ObjectProperty<DatasetChoice> dataset = new SimpleObjectProperty<>(this, "dataset");

  private final ObjectProperty<ModelFamily> family =
      new SimpleObjectProperty<>(this, "family", ModelFamily.VAE);
  private final ObservableList<Posterior> posteriors = FXCollections.observableArrayList();
  private final ObjectProperty<Posterior> posterior =
      new SimpleObjectProperty<>(this, "posterior", Posterior.DIAGONAL);
  private final ObjectProperty<Likelihood> likelihood =
      new SimpleObjectProperty<>(this, "likelihood", Likelihood.BERNOULLI);
  private final ObjectProperty<Activation> activation =
      new SimpleObjectProperty<>(this, "activation", Activation.RELU);
  private final ObjectProperty<KlEstimator> klEstimator =
      new SimpleObjectProperty<>(this, "klEstimator", KlEstimator.ANALYTIC);
  private final ObjectProperty<OptimizerKind> optimizer =
      new SimpleObjectProperty<>(this, "optimizer", OptimizerKind.ADAM);
  private final ObjectProperty<DecoderVariance.Kind> variance =
      new SimpleObjectProperty<>(this, "variance", DecoderVariance.Kind.FIXED);
  private final ObjectProperty<Binarization> binarization =
      new SimpleObjectProperty<>(this, "binarization", Binarization.NONE);
  private final Choice<DatasetChoice> datasetChoice =
      new Choice<>(datasets, dataset, DatasetChoice::displayName);
  private final Choice<ModelFamily> familyChoice = listed(family, ModelFamily.values());
  private final Choice<Posterior> posteriorChoice =
      new Choice<>(posteriors, posterior, Posterior::toString);
  private final Choice<Likelihood> likelihoodChoice = listed(likelihood, Likelihood.values());
  private final Choice<Activation> activationChoice =
      listed(activation, new Activation[] {Activation.RELU, Activation.TANH, Activation.SOFTPLUS});
  private final Choice<KlEstimator> klEstimatorChoice = listed(klEstimator, KlEstimator.values());
  private final Choice<OptimizerKind> optimizerChoice = listed(optimizer, OptimizerKind.values());
  private final Choice<DecoderVariance.Kind> varianceChoice =
      new Choice<>(
          FXCollections.observableArrayList(DecoderVariance.Kind.values()),
          variance,
          SetupViewModel::varianceLabel);
  private final Choice<Binarization> binarizationChoice =
      listed(binarization, Binarization.values());
  private final ReadOnlyStringWrapper dataSummary =
      new ReadOnlyStringWrapper(this, "dataSummary", "");
  private final Map<Field, StringProperty> text = new EnumMap<>(Field.class);
  private final Map<Field, ReadOnlyStringWrapper> errors = new EnumMap<>(Field.class);
  private final ReadOnlyStringWrapper formError = new ReadOnlyStringWrapper(this, "formError", "");
  private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");
  private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
  private final ReadOnlyBooleanWrapper keepsWeights = new ReadOnlyBooleanWrapper(this, "keeps");
  private final ReadOnlyStringWrapper applyHint = new ReadOnlyStringWrapper(this, "applyHint", "");
  private final ReadOnlyStringWrapper modelSummary =
      new ReadOnlyStringWrapper(this, "modelSummary", "");
  private final BooleanProperty usesBeta = new SimpleBooleanProperty(this, "usesBeta", true);
  private final BooleanProperty usesLambda = new SimpleBooleanProperty(this, "usesLambda");
  private final BooleanProperty usesLikelihood = new SimpleBooleanProperty(this, "usesLik", true);
  private final BooleanProperty usesVariance = new SimpleBooleanProperty(this, "usesVariance");
  private final BooleanProperty usesFixedVariance = new SimpleBooleanProperty(this, "usesFixed");
  private final long heapBytes;

  private final Map<Control, ReadOnlyBooleanWrapper> shown = new EnumMap<>(Control.class);
  private final Map<Control, ReadOnlyBooleanWrapper> locked = new EnumMap<>(Control.class);

  private RunConfig built;
  private boolean loading;

  public SetupViewModel(Workspace workspace, Sessions sessions, DatasetOpener opener) {
    this(workspace, sessions, opener, Runtime.getRuntime().maxMemory());
  }

  /**
   * @param heapBytes the memory a model may be planned against (tests pass a small one)
   */
  SetupViewModel(Workspace workspace, Sessions sessions, DatasetOpener opener, long heapBytes) {
    this.workspace = workspace;
    this.sessions = sessions;
    this.opener = opener;
    this.heapBytes = heapBytes;
    for (BundledDataset b : BundledDataset.values()) {
      datasets.add(new DatasetChoice.Bundled(b));
    }
    for (Control c : Control.values()) {
      shown.put(c, new ReadOnlyBooleanWrapper(this, c.id() + "Shown", true));
      locked.put(c, new ReadOnlyBooleanWrapper(this, c.id() + "Locked"));
    }
    for (Field f : Field.values()) {
      StringProperty p = new SimpleStringProperty(this, f.name(), "");
      text.put(f, p);
      errors.put(f, new ReadOnlyStringWrapper(this, f.name() + "Error", ""));
      p.addListener((o, a, b) -> validate());
    }
    for (ObservableValue<?> v :
        List.of(posterior, activation, klEstimator, optimizer, binarization)) {
      v.addListener((o, a, b) -> validate());
    }
    likelihood.addListener((o, a, b) -> onVarianceChanged());
    variance.addListener((o, a, b) -> onVarianceChanged());
    family.addListener((o, a, b) -> onFamilyChanged());
    onFamilyChanged();
    load(RunConfig.defaults(28, 28));
    workspace
        .configProperty()
        .addListener(
            (o, a, b) -> {
              if (b != null) {
                load(b);
              }
            });
    workspace.snapshotProperty().addListener((o, a, b) -> validate());
    workspace.dataProperty().addListener((o, a, b) -> onDataChanged(b));
    dataSummary.bind(
        Bindings.createStringBinding(
            () -> workspace.data() == null ? "" : workspace.data().summary(),
            workspace.dataProperty()));
    dataset.addListener(
        (o, a, b) -> {
          if (!loading
              && b != null
              && (workspace.data() == null || !b.equals(workspace.data().choice()))) {
            opener.open(b);
          }
        });
  }

  /** A choice among fixed engine values, each shown by the engine's own name for it. */
  private static <T> Choice<T> listed(ObjectProperty<T> value, T[] options) {
    return new Choice<>(FXCollections.observableArrayList(options), value, Object::toString);
  }

  private static String varianceLabel(DecoderVariance.Kind k) {
    return switch (k) {
      case PER_PIXEL -> "learned per pixel";
      case SHARED -> "one learned for all pixels";
      case FIXED -> "fixed";
    };
  }

  private void onDataChanged(LoadedData d) {
    if (d == null) {
      return;
    }
    loading = true;
    try {
      if (!datasets.contains(d.choice())) {
        datasets.add(d.choice());
      }
      dataset.set(d.choice());
    } finally {
      loading = false;
    }
    validate();
  }

  private void onFamilyChanged() {
    ModelFamily f = family.get();
    if (f == null) {
      validate();
      return;
    }
    List<Posterior> allowed = allowedPosteriors(f);
    Posterior before = posterior.get();
    // Replacing the items clears a combo box bound to posterior; the choice is put back after.
    posteriors.setAll(allowed);
    posterior.set(before != null && allowed.contains(before) ? before : allowed.get(0));
    usesBeta.set(f == ModelFamily.VAE);
    usesLambda.set(f == ModelFamily.WAE);
    usesLikelihood.set(f != ModelFamily.WAE);
    onVarianceChanged();
  }

  /** Only a Gaussian decoder has a variance, and only a fixed one a value to type. */
  private void onVarianceChanged() {
    usesVariance.set(usesLikelihood.get() && likelihood.get() == Likelihood.GAUSSIAN);
    usesFixedVariance.set(usesVariance.get() && variance.get() == DecoderVariance.Kind.FIXED);
    validate();
  }

  /** Fills the form from {@code config} (the running model's settings). */
  public void load(RunConfig config) {
    fill(settingsOf(config));
  }

  /**
   * What the form shows for {@code config}: each setting control's value as text, a list's value by
   * its option's constant name (e.g. "FULL_COVARIANCE"), as lesson files write it.
   */
  static Map<Control, String> settingsOf(RunConfig config) {
    ModelConfig m = config.model();
    TrainingConfig t = config.training();
    Map<Control, String> out = new EnumMap<>(Control.class);
    out.put(Control.FAMILY, m.family().name());
    out.put(Control.POSTERIOR, m.posterior().name());
    out.put(Control.LIKELIHOOD, m.likelihood().name());
    out.put(Control.ACTIVATION, m.activation().name());
    out.put(Control.KL_ESTIMATOR, m.klEstimator().name());
    out.put(Control.OPTIMIZER, t.optimizer().name());
    out.put(Control.BINARIZATION, t.binarization().name());
    // A Bernoulli model holds the per-pixel placeholder: the form offers what a new Gaussian
    // model starts with instead, so switching the likelihood gives train's default.
    DecoderVariance dv =
        m.likelihood() == Likelihood.GAUSSIAN ? m.variance() : DecoderVariance.RECOMMENDED;
    out.put(Control.VARIANCE, dv.kind().name());
    out.put(
        Control.FIXED_VARIANCE,
        FormParser.number(
            dv.kind() == DecoderVariance.Kind.FIXED
                ? dv.fixedVariance()
                : FormParser.DEFAULT_VARIANCE));
    out.put(Control.LATENT, Integer.toString(m.latentDim()));
    out.put(Control.HIDDEN, String.join(", ", m.hidden().stream().map(String::valueOf).toList()));
    out.put(Control.BETA, FormParser.number(m.beta()));
    out.put(Control.LAMBDA, FormParser.number(m.waeLambda()));
    out.put(Control.LEARNING_RATE, FormParser.number(t.learningRate()));
    out.put(Control.BATCH, Integer.toString(t.batchSize()));
    out.put(Control.EPOCHS, Integer.toString(t.epochs()));
    out.put(Control.SEED, Long.toString(t.seed()));
    return out;
  }

  /** Puts values made by {@link #settingsOf} (so known to be options) into the form. */
  private void fill(Map<Control, String> values) {
    loading = true;
    try {
      family.set(ModelFamily.valueOf(values.get(Control.FAMILY)));
      posterior.set(Posterior.valueOf(values.get(Control.POSTERIOR)));
      likelihood.set(Likelihood.valueOf(values.get(Control.LIKELIHOOD)));
      activation.set(Activation.valueOf(values.get(Control.ACTIVATION)));
      klEstimator.set(KlEstimator.valueOf(values.get(Control.KL_ESTIMATOR)));
      optimizer.set(OptimizerKind.valueOf(values.get(Control.OPTIMIZER)));
      binarization.set(Binarization.valueOf(values.get(Control.BINARIZATION)));
      variance.set(DecoderVariance.Kind.valueOf(values.get(Control.VARIANCE)));
      for (Control c : Control.values()) {
        if (c.field() != null) {
          set(c.field(), values.get(c));
        }
      }
    } finally {
      loading = false;
    }
    validate();
  }

  private void set(Field f, String value) {
    text.get(f).set(value);
  }

  /** Re-checks every field and rebuilds the configurations. */
  private void validate() {
    if (loading) {
      return;
    }
    Choices c = choices();
    FormParser.Result parsed = FormParser.parse(texts(), c.unusedFields());
    for (Field f : Field.values()) {
      errors.get(f).set(parsed.errors().getOrDefault(f, ""));
    }
    formError.set("");
    built = null;
    if (parsed.ok() && !c.complete()) {
      formError.set("Choose an option in every list.");
    } else if (parsed.ok()) {
      try {
        built = build(c, parsed.values(), need -> modelSummary.set(weights(need)));
      } catch (IllegalArgumentException e) {
        formError.set(capitalise(e.getMessage()));
      }
    }
    valid.set(built != null);
    updateDirty();
  }

  private static String weights(TrainingMemory need) {
    return String.format("%,d weights", need.weights());
  }

  /** The options picked in the form's lists, some possibly none. Immutable. */
  private record Choices(
      ModelFamily family,
      Posterior posterior,
      Likelihood likelihood,
      Activation activation,
      KlEstimator klEstimator,
      OptimizerKind optimizer,
      DecoderVariance.Kind variance,
      Binarization binarization) {
    boolean complete() {
      return family != null
          && posterior != null
          && likelihood != null
          && activation != null
          && klEstimator != null
          && optimizer != null
          && binarization != null
          && variance != null;
    }

    /** Whether the decoder is Gaussian, so has a variance. */
    boolean usesVariance() {
      return family != ModelFamily.WAE && likelihood == Likelihood.GAUSSIAN;
    }

    /** The fields the chosen family and variance do not use: they are not read. */
    Set<Field> unusedFields() {
      Set<Field> out = EnumSet.noneOf(Field.class);
      if (family != ModelFamily.VAE) {
        out.add(Field.BETA);
      }
      if (family != ModelFamily.WAE) {
        out.add(Field.LAMBDA);
      }
      if (!(usesVariance() && variance == DecoderVariance.Kind.FIXED)) {
        out.add(Field.VARIANCE);
      }
      return out;
    }

    /** The variance; a decoder that is not Gaussian keeps the engine's placeholder. */
    DecoderVariance decoderVariance(FormValues v) {
      if (!usesVariance()) {
        return DecoderVariance.PER_PIXEL;
      }
      return switch (variance) {
        case PER_PIXEL -> DecoderVariance.PER_PIXEL;
        case SHARED -> DecoderVariance.SHARED;
        case FIXED -> DecoderVariance.fixed(v.variance());
      };
    }
  }

  private Choices choices() {
    return new Choices(
        family.get(),
        posterior.get(),
        likelihood.get(),
        activation.get(),
        klEstimator.get(),
        optimizer.get(),
        variance.get(),
        binarization.get());
  }

  /** The posteriors a family allows, the first its default. */
  private static List<Posterior> allowedPosteriors(ModelFamily f) {
    return f == ModelFamily.VAE
        ? List.of(Posterior.DIAGONAL, Posterior.FULL_COVARIANCE)
        : List.of(Posterior.DETERMINISTIC);
  }

  /**
   * The configurations {@code c} and {@code v} make for the data in use, checked by the engine and
   * against the memory; {@code planned} sees the memory estimate before it is checked.
   *
   * @throws IllegalArgumentException why they do not make a model together
   */
  private RunConfig build(Choices c, FormValues v, Consumer<TrainingMemory> planned) {
    LoadedData d = workspace.data();
    int h = d == null ? 28 : d.all().height();
    int w = d == null ? 28 : d.all().width();
    RunConfig current = workspace.config();
    ModelConfig base =
        current == null
            ? ModelConfig.defaults(c.family(), h, w)
            : current.model().withImageSize(h, w);
    ModelConfig m =
        new ModelConfig(
            c.family(),
            c.posterior(),
            c.likelihood(),
            h,
            w,
            v.hidden(),
            c.activation(),
            v.latent(),
            v.beta(),
            c.klEstimator(),
            v.lambda(),
            base.adversarialWeight(),
            base.discriminatorHidden(),
            c.decoderVariance(v));
    TrainingConfig defaults = current == null ? TrainingConfig.defaults() : current.training();
    // The form has no field for the initialisation: a run keeps the one it was made with.
    TrainingConfig t =
        new TrainingConfig(
            c.optimizer(),
            v.learningRate(),
            v.batchSize(),
            defaults.weightDecay(),
            v.epochs(),
            v.seed(),
            c.binarization(),
            defaults.discriminatorLearningRate(),
            defaults.initialization());
    TrainingMemory need =
        d == null ? TrainingMemory.of(m, t, 0, 0) : TrainingMemory.of(m, t, d.split());
    planned.accept(need);
    need.refusal(heapBytes)
        .ifPresent(
            reason -> {
              throw new IllegalArgumentException(reason);
            });
    return new RunConfig(m, t);
  }

  private void updateDirty() {
    RunConfig current = workspace.config();
    boolean d = built != null && (current == null || !built.equals(current));
    dirty.set(d);
    Snapshot s = workspace.snapshot();
    boolean trained = s != null && s.progress().step() > 0;
    boolean keeps =
        d
            && current != null
            && trained
            && built.model().equals(current.model())
            && built.training().optimizer() == current.training().optimizer();
    keepsWeights.set(keeps);
    if (!d) {
      applyHint.set(built == null ? "" : "These are the settings of the current model.");
    } else if (keeps) {
      applyHint.set("Apply continues training the current model with these settings.");
    } else if (trained) {
      applyHint.set("Apply builds a new model; the trained one is autosaved first.");
    } else {
      applyHint.set("Apply builds a new model with these settings.");
    }
  }

  /** Builds the model the form describes, or changes how the current one trains. */
  public void apply() {
    if (built == null || !dirty.get()) {
      return;
    }
    if (keepsWeights.get()) {
      sessions.continueWith(built.training());
    } else {
      sessions.newModel(built);
    }
  }

  /** The settings the form holds now, as {@link #settingsOf} writes them; the text as typed. */
  public Map<Control, String> settings() {
    Choices c = choices();
    Map<Control, String> out = new EnumMap<>(Control.class);
    putName(out, Control.FAMILY, c.family());
    putName(out, Control.POSTERIOR, c.posterior());
    putName(out, Control.LIKELIHOOD, c.likelihood());
    putName(out, Control.ACTIVATION, c.activation());
    putName(out, Control.KL_ESTIMATOR, c.klEstimator());
    putName(out, Control.OPTIMIZER, c.optimizer());
    putName(out, Control.BINARIZATION, c.binarization());
    putName(out, Control.VARIANCE, c.variance());
    for (Control k : Control.values()) {
      if (k.field() != null) {
        out.put(k, text.get(k.field()).get().trim());
      }
    }
    return out;
  }

  private static void putName(Map<Control, String> out, Control c, Enum<?> value) {
    if (value != null) {
      out.put(c, value.name());
    }
  }

  /**
   * The configurations {@code values} make with the form's own rules, for the data in use, without
   * changing the form; a setting missing from {@code values} takes its default.
   *
   * @param values settings by control, lists by their option's constant name or label
   * @throws IllegalArgumentException one line naming the control and why its value is refused, or
   *     why the values do not make a model together
   */
  public RunConfig check(Map<Control, String> values) {
    LoadedData d = workspace.data();
    Map<Control, String> all =
        settingsOf(
            d == null
                ? RunConfig.defaults(28, 28)
                : RunConfig.defaults(d.all().height(), d.all().width()));
    values.forEach(
        (k, v) -> {
          if (!k.isSetting()) {
            throw new IllegalArgumentException("\"" + k.id() + "\" is not a setting");
          }
          all.put(k, v);
        });
    ModelFamily f = option(Control.FAMILY, all, familyChoice);
    if (!values.containsKey(Control.POSTERIOR)) {
      // As in the form: a family's own posterior unless one is named.
      all.put(Control.POSTERIOR, allowedPosteriors(f).get(0).name());
    }
    Choices c =
        new Choices(
            f,
            option(Control.POSTERIOR, all, allowedPosteriors(f), Posterior::toString),
            option(Control.LIKELIHOOD, all, likelihoodChoice),
            option(Control.ACTIVATION, all, activationChoice),
            option(Control.KL_ESTIMATOR, all, klEstimatorChoice),
            option(Control.OPTIMIZER, all, optimizerChoice),
            option(Control.VARIANCE, all, varianceChoice),
            option(Control.BINARIZATION, all, binarizationChoice));
    Map<Field, String> fields = new EnumMap<>(Field.class);
    for (Control k : Control.values()) {
      if (k.field() != null) {
        fields.put(k.field(), all.get(k));
      }
    }
    FormParser.Result parsed = FormParser.parse(fields, c.unusedFields());
    for (Control k : Control.values()) {
      String reason = k.field() == null ? null : parsed.errors().get(k.field());
      if (reason != null) {
        throw new IllegalArgumentException("\"" + k.id() + "\": " + reason);
      }
    }
    try {
      return build(c, parsed.values(), need -> {});
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(capitalise(e.getMessage()), e);
    }
  }

  /**
   * The option of {@code choice} that {@code values} names for {@code c}, by its constant name or
   * its label, ignoring case.
   */
  private static <T extends Enum<T>> T option(
      Control c, Map<Control, String> values, Choice<T> choice) {
    return option(c, values, choice.options(), choice::label);
  }

  private static <T extends Enum<T>> T option(
      Control c, Map<Control, String> values, List<T> options, Function<T, String> label) {
    String v = values.get(c).trim();
    for (T o : options) {
      if (o.name().equalsIgnoreCase(v.replace('-', '_').replace(' ', '_'))
          || label.apply(o).equalsIgnoreCase(v)) {
        return o;
      }
    }
    throw new IllegalArgumentException(
        "\""
            + c.id()
            + "\": \""
            + v
            + "\" is not one of "
            + String.join(", ", options.stream().map(Enum::name).toList()));
  }

  /**
   * Builds a new model from {@code config} (made by {@link #check}) on {@code data}'s images,
   * loading them first when another data set is in use: what Apply does, from the seed.
   */
  public void start(DatasetChoice data, RunConfig config) {
    LoadedData d = workspace.data();
    if (d != null && d.choice().equals(data)) {
      sessions.newModel(config);
    } else {
      opener.open(data, config);
    }
  }

  /**
   * Hides the controls in {@code hidden} and locks (disables) those in {@code locked}, showing and
   * unlocking all others: what a lesson lets a class see and change.
   */
  public void restrict(Set<Control> hidden, Set<Control> locked) {
    for (Control c : Control.values()) {
      shown.get(c).set(!hidden.contains(c));
      this.locked.get(c).set(locked.contains(c));
    }
  }

  /** Whether {@code c} shows (a lesson may hide it). */
  public ReadOnlyBooleanProperty shownProperty(Control c) {
    return shown.get(c).getReadOnlyProperty();
  }

  /** Whether {@code c} is locked: shown but not to be changed. */
  public ReadOnlyBooleanProperty lockedProperty(Control c) {
    return locked.get(c).getReadOnlyProperty();
  }

  /** Puts the defaults back in the form (not applied yet). */
  public void restoreDefaults() {
    LoadedData d = workspace.data();
    int h = d == null ? 28 : d.all().height();
    int w = d == null ? 28 : d.all().width();
    load(RunConfig.defaults(h, w));
  }

  /** The text of every field, as typed. */
  private Map<Field, String> texts() {
    Map<Field, String> out = new EnumMap<>(Field.class);
    text.forEach((f, p) -> out.put(f, p.get()));
    return out;
  }

  private static String capitalise(String s) {
    if (s == null || s.isEmpty()) {
      return "These settings do not fit together.";
    }
    return Character.toUpperCase(s.charAt(0)) + s.substring(1) + (s.endsWith(".") ? "" : ".");
  }

  // ---- properties

  /** The data sets to pick from: the bundled ones, then each one opened. */
  public Choice<DatasetChoice> datasetChoice() {
    return datasetChoice;
  }

  /** E.g. "MNIST digits: 8,000 train / 2,000 test, 28x28"; empty before one has loaded. */
  public ReadOnlyStringProperty dataSummaryProperty() {
    return dataSummary.getReadOnlyProperty();
  }

  /** Opens a data set file or folder the user picked. */
  public void openDataset(java.nio.file.Path path) {
    opener.open(new DatasetChoice.File(path));
  }

  public ObjectProperty<ModelFamily> familyProperty() {
    return family;
  }

  public Choice<ModelFamily> familyChoice() {
    return familyChoice;
  }

  public ObservableList<Posterior> posteriors() {
    return posteriors;
  }

  public ObjectProperty<Posterior> posteriorProperty() {
    return posterior;
  }

  /** The posteriors the family allows. */
  public Choice<Posterior> posteriorChoice() {
    return posteriorChoice;
  }

  public Choice<Likelihood> likelihoodChoice() {
    return likelihoodChoice;
  }

  /** The nonlinearities offered for hidden layers. */
  public Choice<Activation> activationChoice() {
    return activationChoice;
  }

  public Choice<KlEstimator> klEstimatorChoice() {
    return klEstimatorChoice;
  }

  public Choice<OptimizerKind> optimizerChoice() {
    return optimizerChoice;
  }

  /** Where a Gaussian decoder's pixel variance comes from. */
  public Choice<DecoderVariance.Kind> varianceChoice() {
    return varianceChoice;
  }

  public Choice<Binarization> binarizationChoice() {
    return binarizationChoice;
  }

  /** The text typed into a field. */
  public StringProperty textProperty(Field f) {
    return text.get(f);
  }

  /** Why the field's value is refused; empty when it is fine. */
  public ReadOnlyStringProperty errorProperty(Field f) {
    return errors.get(f).getReadOnlyProperty();
  }

  /** Why the values do not make a model together; empty when they do. */
  public ReadOnlyStringProperty formErrorProperty() {
    return formError.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty validProperty() {
    return valid.getReadOnlyProperty();
  }

  /** Whether the form differs from the running model's settings. */
  public ReadOnlyBooleanProperty dirtyProperty() {
    return dirty.getReadOnlyProperty();
  }

  /** Whether Apply keeps the trained weights (only training settings changed). */
  public ReadOnlyBooleanProperty keepsWeightsProperty() {
    return keepsWeights.getReadOnlyProperty();
  }

  /** What Apply will do. */
  public ReadOnlyStringProperty applyHintProperty() {
    return applyHint.getReadOnlyProperty();
  }

  /** E.g. "804,884 weights". */
  public ReadOnlyStringProperty modelSummaryProperty() {
    return modelSummary.getReadOnlyProperty();
  }

  public BooleanProperty usesBetaProperty() {
    return usesBeta;
  }

  public BooleanProperty usesLambdaProperty() {
    return usesLambda;
  }

  public BooleanProperty usesLikelihoodProperty() {
    return usesLikelihood;
  }

  /** Whether the decoder is Gaussian, so has a variance to choose. */
  public BooleanProperty usesVarianceProperty() {
    return usesVariance;
  }

  /** Whether the chosen variance is fixed, so has a value to type. */
  public BooleanProperty usesFixedVarianceProperty() {
    return usesFixedVariance;
  }

  /** The configurations the form describes; null while it is invalid. */
  public RunConfig built() {
    return built;
  }
}
