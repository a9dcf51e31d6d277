package org.latentexplorer.planted.cycle.a;

import org.latentexplorer.planted.cycle.b.Second;

/** Half of a planted package cycle. */
public class First {
  Second next;
}
