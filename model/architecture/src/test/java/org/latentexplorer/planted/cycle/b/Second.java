package org.latentexplorer.planted.cycle.b;

import org.latentexplorer.planted.cycle.a.First;

/** The other half of a planted package cycle. */
public class Second {
  First back;
}
