package org.latentexplorer.app.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

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
  void aControlGetsItsTooltipWhenThePointerFirstReachesIt(FxRobot robot) {
    assertNull(near.getTooltip(), "no tooltip before the pointer came");

    robot.moveTo(near);
    Tooltip made = near.getTooltip();
    assertEquals("What Near does", made.getText());
    assertNull(far.getTooltip(), "only the control the pointer reached");

    robot.moveTo(far).moveTo(near);
    assertSame(made, near.getTooltip(), "made once");
    assertEquals("What Far does", far.getTooltip().getText());
  }
}
