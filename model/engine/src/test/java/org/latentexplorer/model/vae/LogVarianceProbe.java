package org.latentexplorer.model.vae;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.latentexplorer.model.data.BundledDataset;
import org.latentexplorer.model.data.Dataset;
import org.latentexplorer.model.io.ModelFile;
import org.latentexplorer.model.nn.Kernels;
import org.latentexplorer.model.nn.Mlp;
import org.latentexplorer.model.train.TrainerState;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A diagnostic command, run from the test class path, that reports how many of a Gaussian decoder's
 * log-variance outputs sit at their bound; confined to the thread that runs main.
 *
 * <p>For every held-out test image of a bundled set (the split {@code train} makes by default: 10%
 * with split seed 1) it decodes the posterior mean and counts the pixels whose log-variance s is
 * within 1e-3 of either bound, and those whose loss gradient with respect to the raw output is
 * exactly zero in the float kernels that training uses. It also prints the range of the raw outputs
 * and of the posterior's log-variances, and how much log-likelihood the outputs near the lower
 * bound give up against the bound itself: 0.5 (s - lo) each, summed per image.
 *
 * <pre>
 * mvn -q -o -pl model/engine test-compile dependency:build-classpath -Dmdep.includeScope=test \
 *     -Dmdep.outputFile=target/test.classpath
 * java -cp model/engine/target/test-classes:model/engine/target/classes:$(cat model/engine/target/test.classpath) \
 *     org.latentexplorer.model.vae.LogVarianceProbe MODEL.lex mnist|fashion
 * </pre>
 */
public final class LogVarianceProbe {
  private static final double NEAR = 1e-3;
  private static final int BATCH = 250;

  private LogVarianceProbe() {}

  /** The log-variance the decoder's likelihood uses for a raw output. */
  private static double bounded(double raw) {
    return Kernels.LOG_VARIANCE.value(raw);
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: LogVarianceProbe MODEL.lex mnist|fashion");
      System.exit(2);
    }
    TrainerState state = ModelFile.load(Path.of(args[0]));
    ModelConfig config = state.model();
    if (config.decoderLikelihood() != Likelihood.GAUSSIAN) {
      System.err.println("not a Gaussian decoder: " + config.decoderLikelihood());
      System.exit(2);
    }
    BundledDataset set =
        args[1].equals("fashion") ? BundledDataset.FASHION_MNIST : BundledDataset.MNIST_DIGITS;
    Dataset test = set.load().split(0.1, 1).test();
    LatentModel model = new LatentModel(config, DataType.FLOAT, 0);
    model.importParameters(state.parameters());
    long nEnc = Mlp.parameterCount(config.encoderSizes());
    long nAll = config.autoencoderParameterCount();
    INDArray decoderParams = model.parameters().get(NDArrayIndex.interval(nEnc, nAll));
    Mlp decoder =
        new Mlp(
            config.decoderSizes(),
            config.activation(),
            decoderParams,
            Nd4j.zeros(DataType.FLOAT, nAll - nEnc),
            model.kernels());
    Kernels kernels = model.kernels();

    int n = test.size();
    int d = config.inputDim();
    int latent = config.latentDim();
    float[] pixels = test.copyPixels();
    float[] z = model.encodeMeans(pixels, n);
    double[] enc = model.encodeRaw(pixels, n);
    int width = model.head().encoderOutputSize();
    double encMin = Double.POSITIVE_INFINITY;
    double encMax = Double.NEGATIVE_INFINITY;
    for (int r = 0; r < n; r++) {
      for (int i = latent; i < 2 * latent; i++) {
        encMin = Math.min(encMin, enc[r * width + i]);
        encMax = Math.max(encMax, enc[r * width + i]);
      }
    }

    long low = 0;
    long high = 0;
    long zeroGradient = 0;
    double aboveFloor = 0;
    double[] raws = new double[n * d];
    for (int first = 0; first < n; first += BATCH) {
      int b = Math.min(BATCH, n - first);
      INDArray zs = Nd4j.create(DataType.FLOAT, b, latent);
      kernels.write(Arrays.copyOfRange(z, first * latent, (first + b) * latent), zs);
      INDArray out = decoder.forward(zs);
      float[] o = new float[b * 2 * d];
      kernels.read(out, o);
      INDArray dOut = Nd4j.create(DataType.FLOAT, b, 2 * d);
      kernels.gaussian(out, model.batch(pixels, first, b), dOut, 1.0 / b, new double[b]);
      float[] g = new float[b * 2 * d];
      kernels.read(dOut, g);
      for (int r = 0; r < b; r++) {
        for (int j = 0; j < d; j++) {
          double raw = o[r * 2 * d + d + j];
          raws[(first + r) * d + j] = raw;
          double s = bounded(raw);
          low += s <= Kernels.MIN_LOG_VARIANCE + NEAR ? 1 : 0;
          if (s < Kernels.MIN_LOG_VARIANCE + 1) {
            aboveFloor += 0.5 * (s - Kernels.MIN_LOG_VARIANCE);
          }
          high += s >= Kernels.MAX_LOG_VARIANCE - NEAR ? 1 : 0;
          zeroGradient += g[r * 2 * d + d + j] == 0f ? 1 : 0;
        }
      }
    }
    Arrays.sort(raws);
    double total = (double) n * d;
    System.out.printf(
        Locale.ROOT,
        "%s on %d test images of %s, %d log-variance outputs%n",
        args[0],
        n,
        set.displayName(),
        (long) total);
    System.out.printf(
        Locale.ROOT,
        "within %.0e of the lower bound %.1f: %.4f%%%n",
        NEAR,
        Kernels.MIN_LOG_VARIANCE,
        100 * low / total);
    System.out.printf(
        Locale.ROOT,
        "within %.0e of the upper bound %.1f: %.4f%%%n",
        NEAR,
        Kernels.MAX_LOG_VARIANCE,
        100 * high / total);
    System.out.printf(
        Locale.ROOT, "loss gradient exactly zero: %.4f%%%n", 100 * zeroGradient / total);
    System.out.printf(
        Locale.ROOT,
        "0.5 (s - lower bound) summed over the outputs within 1 of it: %.3f nats per image%n",
        aboveFloor / n);
    System.out.printf(
        Locale.ROOT,
        "raw output: min %.2f, 1%% %.2f, median %.2f, 99%% %.2f, max %.2f%n",
        raws[0],
        raws[(int) (0.01 * total)],
        raws[(int) (0.5 * total)],
        raws[(int) (0.99 * total)],
        raws[raws.length - 1]);
    System.out.printf(
        Locale.ROOT, "posterior raw log-variance: min %.2f, max %.2f%n", encMin, encMax);
    System.exit(0);
  }
}
