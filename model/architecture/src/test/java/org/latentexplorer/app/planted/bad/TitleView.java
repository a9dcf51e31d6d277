package org.latentexplorer.app.planted.bad;

import javafx.scene.control.Label;
import org.latentexplorer.app.planted.state.Workspace;

/** A planted view that reads the workspace instead of its view model. */
public class TitleView {
  Label show(Workspace workspace) {
    return new Label(workspace.title());
  }
}
