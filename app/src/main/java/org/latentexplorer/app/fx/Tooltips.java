package org.latentexplorer.app.fx;

import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * Gives nodes their tooltips, made when the pointer first reaches the node: a tooltip is a popup
 * window of its own, and making all of the window's took about 0.14 s of the JavaFX thread at
 * start-up. Called on the JavaFX thread.
 */
public final class Tooltips {
  private Tooltips() {}

  /** Shows {@code text} when the pointer rests on {@code node}. */
  public static void install(Node node, String text) {
    EventHandler<MouseEvent> first =
        new EventHandler<>() {
          @Override
          public void handle(MouseEvent e) {
            node.removeEventHandler(MouseEvent.MOUSE_ENTERED, this);
            Tooltip tip = new Tooltip(text);
            if (node instanceof Control c) {
              c.setTooltip(tip);
            } else {
              Tooltip.install(node, tip);
            }
          }
        };
    node.addEventHandler(MouseEvent.MOUSE_ENTERED, first);
  }
}
