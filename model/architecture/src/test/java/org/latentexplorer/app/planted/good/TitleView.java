package org.latentexplorer.app.planted.good;

import javafx.scene.control.Label;

/** A view as the rule wants it: its own view model and the toolkit. */
public class TitleView {
  Label show(TitleViewModel model) {
    return new Label(model.title());
  }
}
