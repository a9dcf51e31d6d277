/**
 * The timeline under the Explore views: a slider over the run's checkpoints that rewinds the
 * pictures to any of them while training goes on, and continues the run from one.
 */
package org.latentexplorer.app.timeline;
