/**
 * Training controls and the status bar: Train / Pause / Resume, Step, Stop, Reset, the epoch
 * progress bar, and step, epoch, throughput and backend. {@link
 * org.latentexplorer.app.training.TrainingViewModel} turns snapshots into text and enabled states
 * and forwards the buttons to the training session, which only queues the commands: nothing here
 * waits for the trainer.
 */
package org.latentexplorer.app.training;
