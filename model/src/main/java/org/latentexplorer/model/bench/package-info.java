/**
 * The speed benchmark behind {@code latent-explorer bench}: training throughput of the engine
 * against the GEMM ceiling measured in the same run and against DL4J's own VAE layer, encode,
 * decode and render latencies (the last while a training session runs), and memory over many
 * epochs. {@link org.latentexplorer.model.bench.Benchmark#run} returns a {@link
 * org.latentexplorer.model.bench.BenchReport} that prints as a table or JSON.
 *
 * <p>Depends on the engine (train, explore, data) and on DL4J for the comparison only; never on
 * JavaFX.
 */
package org.latentexplorer.model.bench;
