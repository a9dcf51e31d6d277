package org.latentexplorer.app.planted.state;

/** Stands for the app's state holder, which no view may reach. */
public class Workspace {
  public String title() {
    return "run";
  }
}
