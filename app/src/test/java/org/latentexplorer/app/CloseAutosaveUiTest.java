package org.latentexplorer.app;

import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Declining the autosave starts fresh; closing the window saves the new run. */
@ExtendWith(ApplicationExtension.class)
class CloseAutosaveUiTest extends AutosaveUiBase {
  CloseAutosaveUiTest() {
    super(false);
  }

  @Start
  void start(Stage stage) {
    open(stage);
  }

  @Test
  void closingTheWindowSavesTheRun(FxRobot robot) throws Exception {
    closeSaves(robot);
  }
}
