/**
 * Datasets and their readers: everything between a file on disk and a {@link
 * org.latentexplorer.model.data.Dataset} of grayscale images in [0, 1].
 *
 * <p>{@link org.latentexplorer.model.data.DatasetReaders#read(java.nio.file.Path)} is the one entry
 * point: it recognises IDX files (MNIST and relatives, raw or gzipped), CSV files, MATLAB v5
 * MAT-files and folders of images, and hands the file to {@link
 * org.latentexplorer.model.data.IdxReader}, {@link org.latentexplorer.model.data.CsvReader}, {@link
 * org.latentexplorer.model.data.MatReader} or {@link
 * org.latentexplorer.model.data.ImageFolderReader}. {@link
 * org.latentexplorer.model.data.BundledDataset} loads the datasets shipped with the app, so it
 * works offline on first start.
 *
 * <p>Two rules hold for every reader. A file that is not what it claims to be is refused with a
 * {@link org.latentexplorer.model.data.DataFormatException} whose one-line message names the file
 * and the problem; no other exception escapes for bad content. And the size a dataset will take is
 * checked against the heap from the file's header, before the pixel array is allocated.
 *
 * <p>Readers and datasets are immutable and safe to use from any thread. {@link
 * org.latentexplorer.model.data.Binarization} turns gray pixels into 0/1 for Bernoulli likelihoods,
 * either once per dataset or per minibatch.
 *
 * <p>This package depends on nothing else in the engine and never on JavaFX.
 */
package org.latentexplorer.model.data;
