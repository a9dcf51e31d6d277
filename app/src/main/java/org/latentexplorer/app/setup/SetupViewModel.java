package org.latentexplorer.app.setup;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    List<Posterior> allowed =
        f == ModelFamily.VAE
            ? List.of(Posterior.DIAGONAL, Posterior.FULL_COVARIANCE)
            : List.of(Posterior.DETERMINISTIC);
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
    loading = true;
    try {
      ModelConfig m = config.model();
      TrainingConfig t = config.training();
      family.set(m.family());
      posterior.set(m.posterior());
      likelihood.set(m.likelihood());
      activation.set(m.activation());
      klEstimator.set(m.klEstimator());
      optimizer.set(t.optimizer());
      binarization.set(t.binarization());
      // A Bernoulli model holds the per-pixel placeholder: the form offers what a new Gaussian
      // model starts with instead, so switching the likelihood gives train's default.
      DecoderVariance dv =
          m.likelihood() == Likelihood.GAUSSIAN ? m.variance() : DecoderVariance.RECOMMENDED;
      variance.set(dv.kind());
      set(
          Field.VARIANCE,
          FormParser.number(
              dv.kind() == DecoderVariance.Kind.FIXED
                  ? dv.fixedVariance()
                  : FormParser.DEFAULT_VARIANCE));
      set(Field.LATENT, Integer.toString(m.latentDim()));
      set(Field.HIDDEN, String.join(", ", m.hidden().stream().map(String::valueOf).toList()));
      set(Field.BETA, FormParser.number(m.beta()));
      set(Field.LAMBDA, FormParser.number(m.waeLambda()));
      set(Field.LEARNING_RATE, FormParser.number(t.learningRate()));
      set(Field.BATCH, Integer.toString(t.batchSize()));
      set(Field.EPOCHS, Integer.toString(t.epochs()));
      set(Field.SEED, Long.toString(t.seed()));
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
    FormParser.Result parsed = FormParser.parse(texts(), unusedFields());
    for (Field f : Field.values()) {
      errors.get(f).set(parsed.errors().getOrDefault(f, ""));
    }
    formError.set("");
    built = null;
    FormValues v = parsed.values();
    boolean chosen =
        family.get() != null
            && posterior.get() != null
            && likelihood.get() != null
            && activation.get() != null
            && klEstimator.get() != null
            && optimizer.get() != null
            && binarization.get() != null
            && variance.get() != null;
    if (parsed.ok() && !chosen) {
      formError.set("Choose an option in every list.");
    } else if (parsed.ok()) {
      try {
        LoadedData d = workspace.data();
        int h = d == null ? 28 : d.all().height();
        int w = d == null ? 28 : d.all().width();
        RunConfig current = workspace.config();
        ModelConfig base =
            current == null
                ? ModelConfig.defaults(family.get(), h, w)
                : current.model().withImageSize(h, w);
        ModelConfig m =
            new ModelConfig(
                family.get(),
                posterior.get(),
                likelihood.get(),
                h,
                w,
                v.hidden(),
                activation.get(),
                v.latent(),
                v.beta(),
                klEstimator.get(),
                v.lambda(),
                base.adversarialWeight(),
                base.discriminatorHidden(),
                decoderVariance(v));
        TrainingConfig defaults = current == null ? TrainingConfig.defaults() : current.training();
        // The form has no field for the initialisation: a run keeps the one it was made with.
        TrainingConfig t =
            new TrainingConfig(
                optimizer.get(),
                v.learningRate(),
                v.batchSize(),
                defaults.weightDecay(),
                v.epochs(),
                v.seed(),
                binarization.get(),
                defaults.discriminatorLearningRate(),
                defaults.initialization());
        checkMemory(m, t);
        built = new RunConfig(m, t);
      } catch (IllegalArgumentException e) {
        formError.set(capitalise(e.getMessage()));
      }
    }
    valid.set(built != null);
    updateDirty();
  }

  /** The form's variance; a decoder that is not Gaussian keeps the engine's placeholder. */
  private DecoderVariance decoderVariance(FormValues v) {
    if (!usesVariance.get()) {
      return DecoderVariance.PER_PIXEL;
    }
    return switch (variance.get()) {
      case PER_PIXEL -> DecoderVariance.PER_PIXEL;
      case SHARED -> DecoderVariance.SHARED;
      case FIXED -> DecoderVariance.fixed(v.variance());
    };
  }

  /** The engine's estimate, the one the command line's train checks too. */
  private void checkMemory(ModelConfig m, TrainingConfig t) {
    LoadedData d = workspace.data();
    TrainingMemory need =
        d == null ? TrainingMemory.of(m, t, 0, 0) : TrainingMemory.of(m, t, d.split());
    modelSummary.set(String.format("%,d weights", need.weights()));
    need.refusal(heapBytes)
        .ifPresent(
            reason -> {
              throw new IllegalArgumentException(reason);
            });
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

  /** The fields the chosen family does not use: they are not read. */
  private Set<Field> unusedFields() {
    Set<Field> out = EnumSet.noneOf(Field.class);
    if (!usesBeta.get()) {
      out.add(Field.BETA);
    }
    if (!usesLambda.get()) {
      out.add(Field.LAMBDA);
    }
    if (!usesFixedVariance.get()) {
      out.add(Field.VARIANCE);
    }
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
