package org.latentexplorer.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;

/**
 * The architecture every module is held to, one rule set for all: each module's tests run these
 * rules over the classes it can see ({@code ArchTests.in(ArchitectureRules.class)}). Immutable.
 *
 * <p>What Maven's module graph already forbids (the engine using the app, the engine or the command
 * line using JavaFX, which they cannot even compile against) is not repeated here.
 */
public final class ArchitectureRules {
  private ArchitectureRules() {}

  private static final String ENGINE = "org.latentexplorer.model";
  private static final String APP = "org.latentexplorer.app";

  /** The toolkit a view is built from, besides the JDK. */
  private static final List<String> UI_TOOLKIT = List.of("javafx.", "org.controlsfx.");

  @ArchTest
  public static final ArchRule ENGINE_LAYERS =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .withOptionalLayers(true)
          .layer("foundation")
          .definedBy(
              ENGINE + ".data..", ENGINE + ".nn..", ENGINE + ".metrics..", ENGINE + ".failure..")
          .layer("models")
          .definedBy(ENGINE + ".vae..")
          .layer("evaluation")
          .definedBy(ENGINE + ".eval..")
          .layer("training")
          .definedBy(ENGINE + ".train..")
          .layer("files and exploration")
          .definedBy(ENGINE + ".io..", ENGINE + ".explore..")
          .layer("experiments")
          .definedBy(ENGINE + ".experiments..")
          .layer("tools")
          .definedBy(ENGINE + ".cli..", ENGINE + ".bench..")
          .layer("app")
          .definedBy(APP + "..")
          .whereLayer("app")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("tools")
          .mayOnlyBeAccessedByLayers("app")
          .whereLayer("experiments")
          .mayOnlyBeAccessedByLayers("tools", "app")
          .whereLayer("files and exploration")
          .mayOnlyBeAccessedByLayers("experiments", "tools", "app")
          .whereLayer("training")
          .mayOnlyBeAccessedByLayers("files and exploration", "experiments", "tools", "app")
          .whereLayer("evaluation")
          .mayOnlyBeAccessedByLayers(
              "training", "files and exploration", "experiments", "tools", "app")
          .whereLayer("models")
          .mayOnlyBeAccessedByLayers(
              "evaluation", "training", "files and exploration", "experiments", "tools", "app")
          .because(
              "each layer of the engine builds on the ones below it (data and numbers, then the"
                  + " models, their scoring, their training, files and experiments, then the command line"
                  + " and the app), so that any layer can be understood and tested with only what is"
                  + " below it");

  @ArchTest
  public static final ArchRule NO_PACKAGE_CYCLES =
      slices()
          .matching("org.latentexplorer.(**)")
          .should()
          .beFreeOfCycles()
          .because("a cycle makes two packages one: neither can be read, tested or changed alone");

  @ArchTest
  public static final ArchRule VIEWS_SEE_ONLY_VIEW_MODELS_AND_FX =
      classes()
          .that()
          .resideInAPackage(APP + "..")
          .and()
          .haveNameMatching(".*View(\\$.*)?")
          .should(onlyDependOnTheirPackageFxAndOtherViews())
          .allowEmptyShould(true)
          .because(
              "a view only lays out and binds what its view model exposes; state, text and"
                  + " logic in the view model can be tested without a screen, and a view never reaches"
                  + " the workspace, the render worker or the engine");

  @ArchTest
  public static final ArchRule VIEW_MODELS_NEVER_SEE_VIEWS =
      noClasses()
          .that()
          .haveSimpleNameEndingWith("ViewModel")
          .should()
          .dependOnClassesThat()
          .haveNameMatching(".*View(\\$.*)?")
          .allowEmptyShould(true)
          .because("view models are tested without a screen, so they cannot know their views");

  @ArchTest
  public static final ArchRule THE_APP_NEVER_TOUCHES_ND4J =
      noClasses()
          .that()
          .resideInAPackage(APP + "..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.nd4j..", "org.bytedeco..")
          .allowEmptyShould(true)
          .because(
              "the trainer thread owns the live model's arrays (the threading contract); the app"
                  + " sees snapshots and plain float arrays only");

  @ArchTest
  public static final ArchRule NO_JAVA_SERIALISATION =
      noClasses()
          .should()
          .dependOnClassesThat()
          .haveFullyQualifiedName("java.io.ObjectInputStream")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("java.io.ObjectOutputStream")
          .because(
              "model files come from strangers: reading one must never run code, so files are"
                  + " JSON and raw arrays in a zip, never Java object streams");

  /**
   * A view may use its own package (its view model and widgets), the app's {@code fx} package,
   * other views (the window is made of them), the JDK and the UI toolkit.
   */
  private static ArchCondition<JavaClass> onlyDependOnTheirPackageFxAndOtherViews() {
    return new ArchCondition<>("only depend on their own package, " + APP + ".fx and other views") {
      @Override
      public void check(JavaClass view, ConditionEvents events) {
        for (Dependency d : view.getDirectDependenciesFromSelf()) {
          JavaClass target = d.getTargetClass().getBaseComponentType();
          if (!allowed(view, target)) {
            events.add(SimpleConditionEvent.violated(d, d.getDescription()));
          }
        }
      }
    };
  }

  private static boolean allowed(JavaClass view, JavaClass target) {
    String pkg = target.getPackageName();
    if (target.isPrimitive()
        || pkg.equals(view.getPackageName())
        || pkg.equals(APP + ".fx")
        || pkg.startsWith(APP + ".fx.")
        || pkg.startsWith("java.")
        || target.getName().matches(".*View(\\$.*)?")) {
      return true;
    }
    return UI_TOOLKIT.stream().anyMatch(pkg::startsWith);
  }
}
