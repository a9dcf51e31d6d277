package org.latentexplorer.app.fx;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Hands the newest value offered from any thread to a consumer on the UI thread, with at most one
 * hand-over pending: values offered faster than the UI thread takes them replace each other, and
 * the replaced ones go to {@code onDropped} (to recycle buffers). Thread-safe.
 */
public final class Coalescer<T> {
  private final AtomicReference<T> pending = new AtomicReference<>();
  private final TaskExecutor executor;
  private final Consumer<? super T> consumer;
  private final Consumer<? super T> onDropped;

  public Coalescer(TaskExecutor executor, Consumer<? super T> consumer) {
    this(executor, consumer, v -> {});
  }

  public Coalescer(
      TaskExecutor executor, Consumer<? super T> consumer, Consumer<? super T> onDropped) {
    this.executor = executor;
    this.consumer = consumer;
    this.onDropped = onDropped;
  }

  /** Offers a value; a value still waiting for the UI thread is dropped in its favour. */
  public void offer(T value) {
    T previous = pending.getAndSet(Objects.requireNonNull(value));
    if (previous == null) {
      executor.runOnUi(this::deliver);
    } else {
      onDropped.accept(previous);
    }
  }

  private void deliver() {
    T value = pending.getAndSet(null);
    if (value != null) {
      consumer.accept(value);
    }
  }
}
