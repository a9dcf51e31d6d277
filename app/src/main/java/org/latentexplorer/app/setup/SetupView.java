package org.latentexplorer.app.setup;

import java.util.function.Supplier;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.property.BooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.latentexplorer.app.fx.Choice;
import org.latentexplorer.app.fx.Dialogs;
import org.latentexplorer.app.fx.Tooltips;

/**
 * The setup form: data set, model and training settings, each refused value with its reason next to
 * it, and Apply. Confined to the JavaFX thread; all logic is in {@link SetupViewModel}.
 */
public final class SetupView extends VBox {
  private final SetupViewModel vm;

  public SetupView(SetupViewModel vm, Dialogs dialogs, Supplier<Window> owner) {
    this.vm = vm;
    getStyleClass().add("setup");
    setSpacing(6);

    ChoiceBox<?> datasetBox = choiceBox(vm.datasetChoice());
    datasetBox.setId("datasetBox");
    Tooltips.install(datasetBox, "The images to train on; bundled sets work offline");
    HBox.setHgrow(datasetBox, Priority.ALWAYS);
    MenuItem file = new MenuItem("File (IDX, CSV, MAT)\u2026");
    file.setOnAction(e -> dialogs.openDatasetFile(owner.get()).ifPresent(vm::openDataset));
    MenuItem folder = new MenuItem("Folder of images\u2026");
    folder.setOnAction(e -> dialogs.openDatasetFolder(owner.get()).ifPresent(vm::openDataset));
    MenuButton open = new MenuButton("Open", null, file, folder);
    open.setId("openDatasetButton");
    Tooltips.install(
        open,
        "Train on your own images: MNIST-style IDX files, CSV, MATLAB"
            + " .mat, or a folder of PNG/JPEG images (subfolders become labels)");
    HBox dataRow = new HBox(6, datasetBox, open);
    restrict(Control.DATASET, null, dataRow);
    dataRow.setAlignment(Pos.CENTER_LEFT);
    Label dataSummary = new Label();
    dataSummary.getStyleClass().add("hint");
    dataSummary.setWrapText(true);
    dataSummary.textProperty().bind(vm.dataSummaryProperty());

    GridPane model = grid();
    int r = 0;
    r =
        choice(
            model,
            r,
            "Family",
            "familyBox",
            Control.FAMILY,
            vm.familyChoice(),
            "VAE: maximise the ELBO. AAE: a discriminator shapes the codes."
                + " WAE-MMD: squared error plus an MMD penalty.",
            null);
    r =
        choice(
            model,
            r,
            "Posterior",
            "posteriorBox",
            Control.POSTERIOR,
            vm.posteriorChoice(),
            "The encoder's distribution q(z|x); a full covariance can tilt its ellipse",
            null);
    r =
        choice(
            model,
            r,
            "Likelihood",
            "likelihoodBox",
            Control.LIKELIHOOD,
            vm.likelihoodChoice(),
            "The decoder's distribution p(x|z) over pixels: Bernoulli for pen strokes such as"
                + " the digits, Gaussian for grey-level pictures such as Fashion-MNIST or the"
                + " Frey faces (scored on dequantised pixels, in bits per dimension)",
            vm.usesLikelihoodProperty());
    r =
        choice(
            model,
            r,
            "Variance",
            "varianceBox",
            Control.VARIANCE,
            vm.varianceChoice(),
            "A Gaussian decoder's pixel variance: one learned for all pixels (the default)"
                + " draws clean images; learned per pixel scores fewer bits/dim but speckles them",
            vm.usesVarianceProperty());
    r =
        text(
            model,
            r,
            "Fixed variance",
            Field.VARIANCE,
            "varianceField",
            Control.FIXED_VARIANCE,
            "The variance of every pixel, from 0.00034 to 1; 0.05 drew the cleanest"
                + " Fashion-MNIST manifold of the fixed ones",
            vm.usesFixedVarianceProperty());
    r =
        text(
            model,
            r,
            "Latent size",
            Field.LATENT,
            "latentField",
            Control.LATENT,
            "Dimensions of z; 2 gives the manifold of the paper's figure",
            null);
    r =
        text(
            model,
            r,
            "Hidden sizes",
            Field.HIDDEN,
            "hiddenField",
            Control.HIDDEN,
            "Encoder layer widths, e.g. 512 or 512, 256; the decoder mirrors them",
            null);
    r =
        choice(
            model,
            r,
            "Activation",
            "activationBox",
            Control.ACTIVATION,
            vm.activationChoice(),
            "Nonlinearity of the hidden layers",
            null);
    r =
        text(
            model,
            r,
            "Beta",
            Field.BETA,
            "betaField",
            Control.BETA,
            "Weight of the KL term: 1 is the ELBO, other values a beta-VAE",
            vm.usesBetaProperty());
    r =
        choice(
            model,
            r,
            "KL estimate",
            "klBox",
            Control.KL_ESTIMATOR,
            vm.klEstimatorChoice(),
            "Closed form, or the single-sample Monte-Carlo form of Algorithm 2",
            vm.usesBetaProperty());
    text(
        model,
        r,
        "Lambda",
        Field.LAMBDA,
        "lambdaField",
        Control.LAMBDA,
        "Weight of the MMD penalty (10 is the WAE authors' MNIST value)",
        vm.usesLambdaProperty());

    GridPane training = grid();
    r = 0;
    r =
        choice(
            training,
            r,
            "Optimizer",
            "optimizerBox",
            Control.OPTIMIZER,
            vm.optimizerChoice(),
            "The update rule",
            null);
    r =
        text(
            training,
            r,
            "Learning rate",
            Field.LEARNING_RATE,
            "learningRateField",
            Control.LEARNING_RATE,
            "Step size, e.g. 0.001 for Adam",
            null);
    r =
        text(
            training,
            r,
            "Batch size",
            Field.BATCH,
            "batchField",
            Control.BATCH,
            "Images per minibatch (one step)",
            null);
    r =
        text(
            training,
            r,
            "Epochs",
            Field.EPOCHS,
            "epochsField",
            Control.EPOCHS,
            "Passes over the training images",
            null);
    r =
        text(
            training,
            r,
            "Seed",
            Field.SEED,
            "seedField",
            Control.SEED,
            "The same seed and settings give the same run; Reset goes back to its start",
            null);
    choice(
        training,
        r,
        "Binarize",
        "binarizationBox",
        Control.BINARIZATION,
        vm.binarizationChoice(),
        "Turn gray pixels into 0/1 for a Bernoulli likelihood",
        null);

    Label formError = new Label();
    formError.setId("formError");
    formError.getStyleClass().add("field-error");
    formError.setWrapText(true);
    formError.textProperty().bind(vm.formErrorProperty());
    showWhenNotEmpty(formError);

    Label hint = new Label();
    hint.getStyleClass().add("hint");
    hint.setWrapText(true);
    hint.textProperty().bind(vm.applyHintProperty());

    Button apply = new Button("Apply");
    apply.setId("applyButton");
    apply.getStyleClass().add("accent");
    apply.disableProperty().bind(vm.validProperty().not().or(vm.dirtyProperty().not()));
    apply.setOnAction(e -> vm.apply());
    Tooltips.install(
        apply,
        "Build the model described here (or, if only training"
            + " settings changed, go on training the current one with them)");
    Button defaults = new Button("Defaults");
    defaults.setId("defaultsButton");
    defaults.setOnAction(e -> vm.restoreDefaults());
    Tooltips.install(defaults, "Fill in the classroom defaults (press Apply to use them)");
    Label summary = new Label();
    summary.getStyleClass().add("hint");
    summary.textProperty().bind(vm.modelSummaryProperty());
    HBox buttons = new HBox(8, apply, defaults, summary);
    buttons.setAlignment(Pos.CENTER_LEFT);

    VBox form =
        new VBox(
            6,
            section("Data"),
            dataRow,
            dataSummary,
            section("Model"),
            model,
            section("Training"),
            training);
    form.getStyleClass().add("setup-form");
    ScrollPane scroll = new ScrollPane(form);
    scroll.setFitToWidth(true);
    scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    scroll.getStyleClass().add("setup-scroll");
    VBox.setVgrow(scroll, Priority.ALWAYS);
    // Apply and the reasons for refusing stay in sight however far the form is scrolled.
    VBox actions = new VBox(6, formError, hint, buttons);
    actions.getStyleClass().add("setup-actions");
    getChildren().addAll(scroll, actions);
  }

  private static Label section(String title) {
    Label l = new Label(title);
    l.getStyleClass().add("section-title");
    return l;
  }

  private static GridPane grid() {
    GridPane g = new GridPane();
    g.setHgap(8);
    g.setVgap(4);
    ColumnConstraints labels = new ColumnConstraints();
    labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    ColumnConstraints fields = new ColumnConstraints();
    fields.setHgrow(Priority.ALWAYS);
    fields.setFillWidth(true);
    g.getColumnConstraints().addAll(labels, fields);
    return g;
  }

  /** A drop-down list of the choice's options, showing their labels. */
  private static <T> ChoiceBox<T> choiceBox(Choice<T> choice) {
    ChoiceBox<T> box = choice.choiceBox();
    box.setMaxWidth(Double.MAX_VALUE);
    return box;
  }

  private int choice(
      GridPane g,
      int row,
      String label,
      String id,
      Control control,
      Choice<?> choice,
      String tip,
      BooleanProperty enabled) {
    ChoiceBox<?> box = choiceBox(choice);
    box.setId(id);
    Tooltips.install(box, tip);
    Label l = new Label(label);
    l.setLabelFor(box);
    restrict(control, enabled, box, l);
    g.addRow(row, l, box);
    return row + 1;
  }

  private int text(
      GridPane g,
      int row,
      String label,
      Field field,
      String id,
      Control control,
      String tip,
      BooleanProperty enabled) {
    TextField t = new TextField();
    t.setId(id);
    t.textProperty().bindBidirectional(vm.textProperty(field));
    Tooltips.install(t, tip);
    t.setPrefColumnCount(8);
    Label l = new Label(label);
    l.setLabelFor(t);
    Label error = new Label();
    error.setId(id + "Error");
    error.getStyleClass().add("field-error");
    error.setWrapText(true);
    error.textProperty().bind(vm.errorProperty(field));
    vm.errorProperty(field)
        .addListener(
            (o, a, b) -> {
              if (b.isEmpty()) {
                t.getStyleClass().remove("invalid");
              } else if (!t.getStyleClass().contains("invalid")) {
                t.getStyleClass().add("invalid");
              }
            });
    restrict(control, enabled, t, l);
    var showError = error.textProperty().isNotEmpty().and(vm.shownProperty(control));
    error.visibleProperty().bind(showError);
    error.managedProperty().bind(showError);
    g.addRow(row, l, t);
    g.add(error, 1, row + 1);
    return row + 2;
  }

  /**
   * Binds a control and its label to what a lesson allows: hidden controls take no room, locked
   * ones (and those the other choices make unused, {@code enabled} false) are disabled.
   */
  private void restrict(Control control, BooleanProperty enabled, Node... nodes) {
    BooleanExpression off = vm.lockedProperty(control);
    if (enabled != null) {
      off = off.or(enabled.not());
    }
    for (Node n : nodes) {
      n.disableProperty().bind(off);
      n.visibleProperty().bind(vm.shownProperty(control));
      n.managedProperty().bind(vm.shownProperty(control));
    }
  }

  private static void showWhenNotEmpty(Label l) {
    l.managedProperty().bind(l.textProperty().isNotEmpty());
    l.visibleProperty().bind(l.textProperty().isNotEmpty());
  }

  public SetupViewModel viewModel() {
    return vm;
  }
}
