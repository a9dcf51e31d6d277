package org.latentexplorer.model.train.planted;

/** Stands for a class of the training layer. */
public class Run {}
