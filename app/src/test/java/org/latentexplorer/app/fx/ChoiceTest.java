package org.latentexplorer.app.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Locale;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

class ChoiceTest {
  private final ObservableList<Locale> options =
      FXCollections.observableArrayList(Locale.FRENCH, Locale.GERMAN);
  private final Choice<Locale> choice =
      new Choice<>(
          options,
          new SimpleObjectProperty<>(Locale.FRENCH),
          l -> l.getDisplayLanguage(Locale.ENGLISH));

  @Test
  void eachOptionIsShownByItsLabelAndNoneByNothing() {
    assertEquals("French", choice.labels().toString(Locale.FRENCH));
    assertEquals("German", choice.label(Locale.GERMAN));
    assertEquals("", choice.labels().toString(null));
  }

  @Test
  void aLabelLeadsBackToItsOptionAmongTheCurrentOnes() {
    assertEquals(Locale.GERMAN, choice.labels().fromString("German"));
    assertNull(choice.labels().fromString("Italian"));

    options.add(Locale.ITALIAN);

    assertEquals(Locale.ITALIAN, choice.labels().fromString("Italian"));
  }
}
