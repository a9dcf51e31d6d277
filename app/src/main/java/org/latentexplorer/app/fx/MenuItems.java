package org.latentexplorer.app.fx;

import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * Makes menu items for the views' commands, statelessly (the items it makes are confined to the
 * JavaFX thread), with the platform's shortcut key: Ctrl, or Cmd on a Mac.
 */
public final class MenuItems {
  private MenuItems() {}

  /** An item that runs {@code action}; {@code keys} may be null for none. */
  public static MenuItem item(String text, KeyCombination keys, Runnable action) {
    MenuItem i = new MenuItem(text);
    if (keys != null) {
      i.setAccelerator(keys);
    }
    i.setOnAction(e -> action.run());
    return i;
  }

  /** The shortcut key with {@code code}, e.g. Ctrl+T. */
  public static KeyCombination shortcut(KeyCode code) {
    return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN);
  }
}
