/**
 * Lessons: presets of data set, settings and seed with a short explanation (what to look at, what
 * to try, what to expect), read from and written to small JSON files, and the panel that shows
 * them.
 */
package org.latentexplorer.app.lesson;
