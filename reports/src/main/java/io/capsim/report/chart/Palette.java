package io.capsim.report.chart;

import io.capsim.cost.CostBucket;
import java.awt.Color;

/**
 * The report's colours, the same in every chart: the recommended point and the baseline, what meets
 * the constraints and what misses them, and the cost buckets (green for work that was paid for and
 * done, warm colours for what was paid for and wasted).
 */
final class Palette {
  static final Color RECOMMENDED = new Color(0x2166ac);
  static final Color RECOMMENDED_LIGHT = new Color(0x92c5de);
  static final Color BASELINE = new Color(0xd95f02);
  static final Color BASELINE_LIGHT = new Color(0xfdb863);
  static final Color MEETS = new Color(0x1b7837);
  static final Color MISSES = new Color(0x999999);
  static final Color LIMIT = new Color(0xb2182b);

  /** A second measure beside the first (waits under costs): neither point's colour. */
  static final Color SECOND_MEASURE = new Color(0x404040);

  private Palette() {}

  /** A cost bucket's colour. */
  static Color of(CostBucket bucket) {
    return switch (bucket) {
      case PRODUCTIVE -> new Color(0x1b7837);
      case PROVISIONING -> new Color(0xfdb863);
      case IDLE -> new Color(0xe08214);
      case FLOOR -> new Color(0xb35806);
      case LOST_WORK -> new Color(0xb2182b);
      case STOPPED -> new Color(0xf4a582);
      case LB -> new Color(0x8c8c8c);
    };
  }
}
