/**
 * Model files: a zip of JSON and raw float arrays, validated before anything is allocated,
 * checked byte for byte on every read (zip layout, CRC-32, SHA-256 of each array), and written
 * atomically.
 */
package org.latentexplorer.model.io;
