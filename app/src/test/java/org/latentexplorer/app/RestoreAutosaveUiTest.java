package org.latentexplorer.app;

import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** At start the autosaved run is offered; saying yes restores it. */
@ExtendWith(ApplicationExtension.class)
class RestoreAutosaveUiTest extends AutosaveUiBase {
  RestoreAutosaveUiTest() {
    super(true);
  }

  @Start
  void start(Stage stage) {
    open(stage);
  }

  @Test
  void theAutosavedRunIsOfferedAndRestored(FxRobot robot) throws Exception {
    restored(robot);
  }
}
