package org.latentexplorer.model.data.planted;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import org.latentexplorer.model.train.planted.Run;

/** A planted data reader that reaches up into training and reads Java object streams. */
public class Reader {
  Run last;

  Object read(InputStream in) throws IOException, ClassNotFoundException {
    return new ObjectInputStream(in).readObject();
  }
}
