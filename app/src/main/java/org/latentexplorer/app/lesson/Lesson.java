package org.latentexplorer.app.lesson;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.latentexplorer.app.setup.Control;
import org.latentexplorer.model.data.BundledDataset;

/**
 * A lesson: a bundled data set, setup settings (the seed among them), an explanation, the setup
 * controls a class does not see or may not change, and optionally a tab to show and a sweep to run.
 * Immutable.
 *
 * @param settings values by setup control, as the setup form writes them; a setting not named takes
 *     its default
 * @param hidden controls the class does not see
 * @param locked controls shown but not to be changed
 * @param show the tab to bring to the front (one of {@link #TABS}), or null
 * @param sweep the runs to compare, or null
 * @param draws whether the scatter shows reparameterisation draws around the drawing's posterior
 */
public record Lesson(
    String title,
    BundledDataset dataset,
    Map<Control, String> settings,
    Explanation explanation,
    Set<Control> hidden,
    Set<Control> locked,
    String show,
    Sweep sweep,
    boolean draws) {
  /** The tabs a lesson may show, by the names its {@code show} key uses. */
  public static final List<String> TABS =
      List.of(
          "explore", "compare", "samples", "draw", "interpolate", "health", "bound", "priorHoles");

  public Lesson {
    // In the controls' order, so that a lesson is written the same way each time.
    Map<Control, String> s = new EnumMap<>(Control.class);
    s.putAll(settings);
    settings = Collections.unmodifiableMap(s);
    hidden = inOrder(hidden);
    locked = inOrder(locked);
  }

  private static Set<Control> inOrder(Set<Control> controls) {
    Set<Control> s = EnumSet.noneOf(Control.class);
    s.addAll(controls);
    return Collections.unmodifiableSet(s);
  }

  /**
   * What the lesson says, each part as paragraphs of plain text. Immutable.
   *
   * @param look what to look at
   * @param tryThis what to try
   * @param expect what to expect
   */
  public record Explanation(List<String> look, List<String> tryThis, List<String> expect) {
    public Explanation {
      look = List.copyOf(look);
      tryThis = List.copyOf(tryThis);
      expect = List.copyOf(expect);
    }
  }

  /**
   * Runs that differ in one setting, each for a few epochs, to compare. Immutable.
   *
   * @param axis the setup control whose value changes
   * @param values its value in each run, as the setup form reads it
   */
  public record Sweep(Control axis, List<String> values, int epochsPerRun) {
    public Sweep {
      values = List.copyOf(values);
    }
  }
}
