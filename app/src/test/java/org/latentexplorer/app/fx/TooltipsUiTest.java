package org.latentexplorer.app.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A tooltip is made when the pointer first reaches its node, and only once. */
@ExtendWith(ApplicationExtension.class)
class TooltipsUiTest {
  private Button near;
  private Button far;

  @Start
  void start(Stage stage) {
    near = new Button("Near");
    far = new Button("Far");
    Tooltips.install(near, "What Near does");
    Tooltips.install(far, "What Far does");
    stage.setScene(new Scene(new HBox(40, near, far), 300, 80));
    stage.show();
  }

  @Test
  void aControlGetsItsTooltipWhenThePointerFirstReachesIt() throws Exception {
    assertNull(onFx(near::getTooltip), "no tooltip before the pointer came");

    enter(near);
    Tooltip made = onFx(near::getTooltip);
    assertEquals("What Near does", made.getText());
    assertNull(onFx(far::getTooltip), "only the control the pointer reached");

    enter(far);
    enter(near);
    assertSame(made, onFx(near::getTooltip), "made once");
    assertEquals("What Far does", onFx(far::getTooltip).getText());
  }

  /** The event the window sends when the pointer comes onto {@code node}. */
  private static void enter(Node node) throws Exception {
    onFx(
        () -> {
          Event.fireEvent(
              node,
              new MouseEvent(
                  MouseEvent.MOUSE_ENTERED,
                  5,
                  5,
                  5,
                  5,
                  MouseButton.NONE,
                  0,
                  false,
                  false,
                  false,
                  false,
                  false,
                  false,
                  false,
                  false,
                  false,
                  false,
                  null));
          return null;
        });
  }

  private static <T> T onFx(Callable<T> c) throws Exception {
    return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
  }
}
