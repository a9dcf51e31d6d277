/**
 * The speed benchmark behind {@code latent-explorer bench}: training throughput of the engine
 * against the GEMM ceiling measured in the same run and against DL4J's own VAE layer, encode,
 * decode and render latencies (the last while a training session runs), and memory over many
 * epochs. {@link org.latentexplorer.model.bench.Benchmark#run} returns a {@link
 * org.latentexplorer.model.bench.BenchReport} that prints as a table or JSON.
 *
 * <p>A module of its own on top of the engine and the command line ({@link
 * org.latentexplorer.model.bench.BenchMain} adds {@code bench} to it), so that DL4J, needed for the
 * comparison only, stays off the class path of everything the app ships. Never uses JavaFX.
 */
package org.latentexplorer.model.bench;
