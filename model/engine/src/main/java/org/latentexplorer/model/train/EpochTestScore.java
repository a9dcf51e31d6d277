package org.latentexplorer.model.train;

import java.util.Random;
import org.latentexplorer.model.data.Dataset;
import org.latentexplorer.model.eval.Evaluation;
import org.latentexplorer.model.eval.EvaluationSum;
import org.latentexplorer.model.vae.LatentModel;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The score of the whole test set at an epoch's end, taken a chunk at a time between the training
 * steps that follow, on a copy of the weights as they were at that end. Confined to the trainer
 * thread.
 *
 * <p>Why: scoring 10,000 images at once takes about as long as 40 training steps, inside one step,
 * which shows as a stall in the throughput and a slow frame in the app. A chunk of {@value #CHUNK}
 * images a step spreads it out. The chunks are whole multiples of the evaluator's batch, so the sum
 * is the same as scoring the whole set at once with these weights and this random stream.
 */
final class EpochTestScore {
  /** Test images scored between two training steps. */
  static final int CHUNK = 2 * EvaluationSum.BATCH;

  private final Dataset test;
  private LatentModel weights;
  private float[] copied;
  private EvaluationSum sum;
  private Random random;
  private long samplesSeen;
  private int epoch;

  EpochTestScore(Dataset test) {
    this.test = test;
  }

  /** Whether a score is under way. */
  boolean pending() {
    return sum != null;
  }

  /** The training samples seen at the end of the epoch being scored: its curves' x. */
  long samplesSeen() {
    return samplesSeen;
  }

  /** The epoch being scored, counted from 1. */
  int epoch() {
    return epoch;
  }

  /**
   * Starts scoring the test set with a copy of {@code model}'s weights as they are now; {@code
   * model} is read, not modified. A score still under way must be finished first.
   *
   * @param random the draws of the whole score, used by this score alone
   */
  void start(LatentModel model, long samplesSeenAtEnd, int epochEnded, Random random) {
    if (pending()) {
      throw new IllegalStateException("the score of epoch " + epoch + " is not finished");
    }
    if (weights == null) {
      weights = new LatentModel(model.config(), DataType.FLOAT, 0);
    }
    copied = model.exportParameters(copied);
    weights.importParameters(copied);
    this.sum = new EvaluationSum(weights);
    this.random = random;
    this.samplesSeen = samplesSeenAtEnd;
    this.epoch = epochEnded;
  }

  /**
   * Scores the next chunk of the test set.
   *
   * @return the whole set's score after its last chunk, else null
   */
  Evaluation advance() {
    int first = sum.images();
    sum.add(test, first, Math.min(CHUNK, test.size() - first), random);
    return sum.images() < test.size() ? null : done();
  }

  /** Scores what is left of the test set at once and returns the whole set's score. */
  Evaluation finish() {
    int first = sum.images();
    sum.add(test, first, test.size() - first, random);
    return done();
  }

  private Evaluation done() {
    Evaluation e = sum.result();
    sum = null;
    random = null;
    return e;
  }
}
