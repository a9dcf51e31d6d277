package org.latentexplorer.app.fx;

import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.ChoiceBox;
import javafx.util.StringConverter;

/**
 * A value picked from a list of options, each shown by its label, confined to the JavaFX thread:
 * what a drop-down list binds to, so that a view can offer values whose type only its view model
 * knows (the engine's settings, say).
 *
 * @param <T> the type of the options
 */
public final class Choice<T> {
  private final ObservableList<T> options;
  private final ObjectProperty<T> value;
  private final Function<? super T, String> label;
  private final StringConverter<T> labels =
      new StringConverter<>() {
        @Override
        public String toString(T option) {
          return label(option);
        }

        @Override
        public T fromString(String text) {
          return options.stream().filter(o -> label(o).equals(text)).findFirst().orElse(null);
        }
      };

  /**
   * @param options the options in the order shown; the view model may change them
   * @param value the option picked
   * @param label the text shown for an option
   */
  public Choice(
      ObservableList<T> options, ObjectProperty<T> value, Function<? super T, String> label) {
    this.options = Objects.requireNonNull(options);
    this.value = Objects.requireNonNull(value);
    this.label = Objects.requireNonNull(label);
  }

  /** A choice among fixed {@code options}, with its own value, starting at {@code initial}. */
  public static <T> Choice<T> of(T initial, T[] options) {
    return of(initial, options, Object::toString);
  }

  /** A choice among fixed {@code options} shown by {@code label}, starting at {@code initial}. */
  public static <T> Choice<T> of(T initial, T[] options, Function<? super T, String> label) {
    return new Choice<>(
        FXCollections.observableArrayList(java.util.Arrays.asList(options)),
        new SimpleObjectProperty<>(initial),
        label);
  }

  public ObservableList<T> options() {
    return options;
  }

  /** The option picked; null while none is. */
  public ObjectProperty<T> valueProperty() {
    return value;
  }

  /** The text shown for {@code option}; empty for none. */
  public String label(T option) {
    return option == null ? "" : label.apply(option);
  }

  /** A drop-down list of the options, bound both ways to the value picked. */
  public ChoiceBox<T> choiceBox() {
    ChoiceBox<T> box = new ChoiceBox<>(options);
    box.setConverter(labels);
    box.valueProperty().bindBidirectional(value);
    return box;
  }

  /** The labels as a drop-down list's converter, from option to text and back. */
  public StringConverter<T> labels() {
    return labels;
  }
}
