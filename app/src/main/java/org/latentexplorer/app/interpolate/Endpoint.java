package org.latentexplorer.app.interpolate;

/**
 * One end of an interpolation: an image and what to call it. Immutable by convention (the pixels
 * are owned by this value).
 *
 * @param name e.g. "test image 12 (7)"
 * @param pixels [h x w], values in [0, 1]
 */
public record Endpoint(String name, float[] pixels) {}
