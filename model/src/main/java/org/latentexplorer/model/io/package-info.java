/**
 * Model files: a zip of JSON and raw float arrays, validated before anything is allocated and written atomically.
 */
package org.latentexplorer.model.io;
