/**
 * Model files: a zip of JSON and raw float arrays, validated before anything is allocated, checked
 * byte for byte on every read (zip layout, CRC-32, SHA-256 of each array), and written atomically.
 * Every file written for the user (models, pictures, tables, reports) is written the same way,
 * whole or not at all ({@link org.latentexplorer.model.io.AtomicFile}).
 */
package org.latentexplorer.model.io;
