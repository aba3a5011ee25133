package io.capsim.engine.random;

import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.math3.special.Gamma;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousUniformSampler;
import org.apache.commons.rng.sampling.distribution.LogNormalSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * A non-negative continuous distribution, built from the parameters users think in (a median and a
 * p95, a mean and a coefficient of variation) and sampled through Apache Commons RNG's samplers:
 * the modified ziggurat for the exponential and the Gaussian (McFarland 2016), Ahrens-Dieter and
 * Marsaglia-Tsang for the gamma. Values carry whatever unit the parameters were given in; the model
 * uses seconds for durations.
 */
public sealed interface Distribution
    permits Distribution.Constant,
        Distribution.Exponential,
        Distribution.LogNormal,
        Distribution.GammaMeanCv,
        Distribution.Weibull,
        Distribution.Uniform,
        Distribution.Empirical {

  /** The standard normal quantile at 0.95, used to turn a p95 into a lognormal sigma. */
  double Z_95 = 1.6448536269514722;

  /** The expected value. */
  double mean();

  /** A sampler of this distribution that draws from {@code stream}. */
  default Sampler sampler(RandomStream stream) {
    return sampler(stream.provider());
  }

  /** A sampler of this distribution that draws from {@code generator}. */
  Sampler sampler(UniformRandomProvider generator);

  static Distribution constant(double value) {
    return new Constant(value);
  }

  static Distribution exponential(double mean) {
    return new Exponential(mean);
  }

  static Distribution lognormal(double median, double p95) {
    return new LogNormal(median, p95);
  }

  static Distribution gamma(double mean, double cv) {
    return new GammaMeanCv(mean, cv);
  }

  static Distribution weibull(double shape, double scale) {
    return new Weibull(shape, scale);
  }

  static Distribution uniform(double min, double max) {
    return new Uniform(min, max);
  }

  static Distribution empirical(double... samples) {
    return Empirical.of(samples);
  }

  /** Always {@code value}. */
  record Constant(double value) implements Distribution {
    public Constant {
      Check.nonNegative("constant", "value", value);
    }

    @Override
    public double mean() {
      return value;
    }

    @Override
    public Sampler sampler(UniformRandomProvider generator) {
      return () -> value;
    }
  }

  /** Memoryless, with the given mean. */
  record Exponential(double mean) implements Distribution {
    public Exponential {
      Check.positive("exponential", "mean", mean);
    }

    /** At mean 1 (a profile's unit of cumulative rate) the sampler skips multiplying by 1. */
    @Override
    public Sampler sampler(UniformRandomProvider generator) {
      return mean == 1
          ? ZigguratSampler.Exponential.of(generator)::sample
          : ZigguratSampler.Exponential.of(generator, mean)::sample;
    }
  }

  /**
   * Lognormal with the given median and 95th percentile: {@code mu = ln(median)} and {@code sigma =
   * ln(p95 / median) / z(0.95)}.
   */
  record LogNormal(double median, double p95) implements Distribution {
    public LogNormal {
      Check.positive("lognormal", "median", median);
      if (!(p95 > median) || Double.isInfinite(p95)) {
        throw Check.invalid(
            "lognormal", "p95", "must be finite and above the median " + median, p95);
      }
      Check.finiteMean("lognormal", "p95", mean(median, p95), p95);
    }

    public double mu() {
      return Math.log(median);
    }

    public double sigma() {
      return sigma(median, p95);
    }

    private static double sigma(double median, double p95) {
      return Math.log(p95 / median) / Z_95;
    }

    @Override
    public double mean() {
      return mean(median, p95);
    }

    private static double mean(double median, double p95) {
      double sigma = sigma(median, p95);
      return median * Math.exp(sigma * sigma / 2);
    }

    @Override
    public Sampler sampler(UniformRandomProvider generator) {
      return LogNormalSampler.of(ZigguratSampler.NormalizedGaussian.of(generator), mu(), sigma())
          ::sample;
    }
  }

  /**
   * Gamma with the given mean and coefficient of variation: shape {@code 1/cv²}, scale {@code
   * mean·cv²}.
   */
  record GammaMeanCv(double mean, double cv) implements Distribution {
    public GammaMeanCv {
      Check.positive("gamma", "mean", mean);
      Check.positive("gamma", "cv", cv);
      double shape = 1 / (cv * cv);
      if (!(shape > 0) || Double.isInfinite(shape) || Double.isInfinite(mean * cv * cv)) {
        throw Check.invalid(
            "gamma", "cv", "must give a finite shape 1/cv² > 0 and scale mean·cv²", cv);
      }
    }

    public double shape() {
      return 1 / (cv * cv);
    }

    public double scale() {
      return mean * cv * cv;
    }

    @Override
    public Sampler sampler(UniformRandomProvider generator) {
      return AhrensDieterMarsagliaTsangGammaSampler.of(generator, shape(), scale())::sample;
    }
  }

  /** Weibull with shape k and scale lambda: {@code P(X > x) = exp(-(x/lambda)^k)}. */
  record Weibull(double shape, double scale) implements Distribution {
    public Weibull {
      Check.positive("weibull", "shape", shape);
      Check.positive("weibull", "scale", scale);
      Check.finiteMean("weibull", "shape", mean(shape, scale), shape);
    }

    @Override
    public double mean() {
      return mean(shape, scale);
    }

    private static double mean(double shape, double scale) {
      return scale * Gamma.gamma(1 + 1 / shape);
    }

    /** By inversion: {@code lambda · E^(1/k)} for E a standard exponential draw. */
    @Override
    public Sampler sampler(UniformRandomProvider generator) {
      ZigguratSampler.Exponential standard = ZigguratSampler.Exponential.of(generator);
      double inverseShape = 1 / shape;
      return () -> scale * Math.pow(standard.sample(), inverseShape);
    }
  }

  /** Uniform on [min, max). */
  record Uniform(double min, double max) implements Distribution {
    public Uniform {
      Check.nonNegative("uniform", "min", min);
      if (!(max > min) || Double.isInfinite(max)) {
        throw Check.invalid("uniform", "max", "must be finite and above min " + min, max);
      }
    }

    @Override
    public double mean() {
      return (min + max) / 2;
    }

    @Override
    public Sampler sampler(UniformRandomProvider generator) {
      return ContinuousUniformSampler.of(generator, min, max)::sample;
    }
  }

  /**
   * Resamples the observed values, each with the weight of its share of the samples. A class, not a
   * record, so that a trace's millions of durations can be shared rather than copied ({@link
   * #sharing}).
   */
  final class Empirical implements Distribution {
    private final double[] samples;

    private Empirical(double[] samples) {
      if (samples.length == 0) {
        throw new IllegalArgumentException("empirical: needs at least one sample, got none");
      }
      for (int i = 0; i < samples.length; i++) {
        Check.nonNegative("empirical", "samples[" + i + "]", samples[i]);
      }
      this.samples = samples;
    }

    /** Resamples a copy of {@code samples}. */
    public static Empirical of(double... samples) {
      return new Empirical(samples.clone());
    }

    /** Resamples {@code samples} itself, which the caller must never change. */
    public static Empirical sharing(double[] samples) {
      return new Empirical(samples);
    }

    /** A copy of the samples. */
    public double[] samples() {
      return samples.clone();
    }

    @Override
    public double mean() {
      return Arrays.stream(samples).average().orElseThrow();
    }

    /** Each draw one of the samples, picked uniformly: no setup, whatever their number. */
    @Override
    public Sampler sampler(UniformRandomProvider generator) {
      double[] values = samples;
      int count = values.length;
      return () -> values[generator.nextInt(count)];
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Empirical that && Arrays.equals(samples, that.samples);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(samples);
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "Empirical[%d samples, mean=%s]", samples.length, mean());
    }
  }
}
