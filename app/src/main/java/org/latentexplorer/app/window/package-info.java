/**
 * The main window: menus and shortcuts, the layout of the feature views, the loading overlay, the
 * problem bar that tells the user what went wrong, and the file actions (open, save, export,
 * autosave restore) behind the menus.
 */
package org.latentexplorer.app.window;
