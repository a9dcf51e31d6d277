package org.latentexplorer.model.data;

import java.io.IOException;

/**
 * A dataset file that cannot be read as what it claims to be. Immutable. The message is written for
 * the person who chose the file: it names the file and what is wrong with it, in one line.
 */
public final class DataFormatException extends IOException {
  public DataFormatException(String message) {
    super(message);
  }

  public DataFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
