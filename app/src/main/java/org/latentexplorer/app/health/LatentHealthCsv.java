package org.latentexplorer.app.health;

import java.io.IOException;
import org.latentexplorer.model.eval.Evaluation;
import org.latentexplorer.model.eval.LatentHealth;

/**
 * Writes a latent health as CSV, one row per dimension, the most informative first: {@code
 * dimension,kl_nats,unused}, then the active units as a comment line. Stateless.
 */
public final class LatentHealthCsv {
  private LatentHealthCsv() {}

  public static void write(LatentHealth health, Appendable out) throws IOException {
    out.append("dimension,kl_nats,unused\n");
    double[] kl = health.klPerDimension();
    java.util.Set<Integer> unused = new java.util.HashSet<>();
    for (int i : health.unused()) {
      unused.add(i);
    }
    for (int i : health.byKl()) {
      out.append(LatentHealth.label(i))
          .append(',')
          .append(Double.toString(kl[i]))
          .append(',')
          .append(Boolean.toString(unused.contains(i)))
          .append('\n');
    }
    out.append("# active units ")
        .append(Integer.toString(health.activeUnits()))
        .append(" of ")
        .append(Integer.toString(health.dimensions()))
        .append(" (variance of the posterior mean over the test images above ")
        .append(Double.toString(Evaluation.ACTIVE_UNIT_THRESHOLD))
        .append(")\n");
  }
}
