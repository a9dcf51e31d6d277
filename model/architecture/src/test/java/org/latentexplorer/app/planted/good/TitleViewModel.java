package org.latentexplorer.app.planted.good;

import org.latentexplorer.app.planted.state.Workspace;

/** A view model may read the workspace; its view reads only it. */
public class TitleViewModel {
  private final Workspace workspace;

  public TitleViewModel(Workspace workspace) {
    this.workspace = workspace;
  }

  public String title() {
    return workspace.title();
  }
}
