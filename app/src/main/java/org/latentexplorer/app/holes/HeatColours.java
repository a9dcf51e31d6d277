package org.latentexplorer.app.holes;

/**
 * The colours of the density maps: dark to light (viridis) for a density, dark to a warning orange
 * for prior mass the data leaves unused. Stateless; ARGB ints, safe on any thread.
 */
public final class HeatColours {
  /** Viridis from its darkest to its lightest colour, evenly spaced. */
  static final int[] DENSITY_STOPS = {0x440154, 0x3B528B, 0x21918C, 0x5EC962, 0xFDE725};

  /** The colour of no density. */
  static final int EMPTY = DENSITY_STOPS[0];

  /** The warning colour of a hole at the largest density shown. */
  public static final int HOLE = 0xFF8C1A;

  private HeatColours() {}

  /** The opaque colour of a density at a fraction {@code t} in [0, 1] of the largest shown. */
  public static int density(double t) {
    double x = clamp(t) * (DENSITY_STOPS.length - 1);
    int i = Math.min(DENSITY_STOPS.length - 2, (int) x);
    return opaque(mix(DENSITY_STOPS[i], DENSITY_STOPS[i + 1], x - i));
  }

  /** The opaque colour of a hole at a fraction {@code t} of the largest density shown. */
  public static int hole(double t) {
    return opaque(mix(0x1B1E24, HOLE, t > 0 ? 0.25 + 0.75 * clamp(t) : 0));
  }

  /** The colours of {@link #density} from 0 to 1, as hex strings "#rrggbb", for a legend. */
  public static String[] densityStops() {
    String[] out = new String[DENSITY_STOPS.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = String.format("#%06x", DENSITY_STOPS[i]);
    }
    return out;
  }

  /** The colour of {@link #HOLE} as "#rrggbb", for a legend. */
  public static String holeColour() {
    return String.format("#%06x", HOLE);
  }

  private static double clamp(double t) {
    return t > 0 ? Math.min(1, t) : 0;
  }

  private static int opaque(int rgb) {
    return 0xFF000000 | rgb;
  }

  private static int mix(int from, int to, double t) {
    int r = channel(from >> 16, to >> 16, t);
    int g = channel(from >> 8, to >> 8, t);
    int b = channel(from, to, t);
    return r << 16 | g << 8 | b;
  }

  private static int channel(int from, int to, double t) {
    int a = from & 0xFF;
    int b = to & 0xFF;
    return (int) Math.round(a + (b - a) * t);
  }
}
