package org.latentexplorer.app.compare;

import org.latentexplorer.app.render.Frame;
import org.latentexplorer.model.vae.ModelFamily;

/**
 * One model of the comparison, evaluated on the current test set. Immutable by convention (the
 * frames are written once, before this value is made).
 *
 * @param squaredError mean ||x - x_hat||^2 per test image
 * @param elbo test ELBO per image (VAE), NaN otherwise; for a Gaussian decoder on dequantised 8-bit
 *     pixels the bound on the discrete image's log-probability (density minus D log 256)
 * @param logLikelihood importance-sampled log p(x) (VAE), NaN otherwise; bound as the ELBO is
 * @param bitsPerDimension the ELBO's bound in bits per pixel (dequantised runs), NaN otherwise
 * @param scatter the encoded test images, coloured by label
 * @param manifold decodings over a grid of the latent plane
 * @param samples decodings of prior draws
 * @param pairs test images above their reconstructions
 */
public record ComparedModel(
    String name,
    ModelFamily family,
    String description,
    long steps,
    double squaredError,
    double elbo,
    double logLikelihood,
    double bitsPerDimension,
    int activeUnits,
    int latentDim,
    Frame scatter,
    Frame manifold,
    Frame samples,
    Frame pairs) {}
