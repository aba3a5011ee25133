package io.capsim.compute.instance;

import io.capsim.compute.InvalidSettingException;
import io.capsim.compute.Pricing;
import io.capsim.engine.random.Distribution;
import java.util.List;
import java.util.OptionalLong;

/**
 * An Azure ML compute instance ({@code computeinstance}): one node for one owner.
 *
 * @param idleTimeBeforeShutdownMinutes stop after this long with no job or session (15 to 4320);
 *     empty: never
 * @param startSeconds from a start request to the instance running; billed. The default, uniform 2
 *     to 5 minutes, is an assumption; set it from your own measurements
 * @param schedules up to four start/stop schedules
 * @param osDiskUsdPerMonth the P10 OS disk, billed always (~$19.71 a month); while running it is
 *     added to the VM's hourly price, while stopped it is the {@code stopped} bucket
 * @param publicIpUsdPerHour the public IP, billed like the disk (~$0.005 an hour)
 * @param loadBalancerUsdPerDay the instance's load balancer, billed always (~$0.33 a day)
 */
public record InstanceSpec(
    String name,
    String size,
    OptionalLong idleTimeBeforeShutdownMinutes,
    Distribution startSeconds,
    List<InstanceSchedule> schedules,
    double osDiskUsdPerMonth,
    double publicIpUsdPerHour,
    double loadBalancerUsdPerDay) {

  public static final Distribution DEFAULT_START_SECONDS = Distribution.uniform(120, 300);
  public static final double DEFAULT_OS_DISK_USD_PER_MONTH = 19.71;
  public static final double DEFAULT_PUBLIC_IP_USD_PER_HOUR = 0.005;

  /** Hours in Azure's billing month. */
  public static final double HOURS_PER_MONTH = 730;

  public InstanceSpec {
    schedules = List.copyOf(schedules);
    if (idleTimeBeforeShutdownMinutes.isPresent()) {
      long minutes = idleTimeBeforeShutdownMinutes.getAsLong();
      if (minutes < 15 || minutes > 4320) {
        throw InvalidSettingException.compute(
            name, "idle_time_before_shutdown_minutes", "must be 15 to 4320, was " + minutes);
      }
    }
    if (schedules.size() > 4) {
      throw InvalidSettingException.computeSentence(
          name,
          "schedules",
          "a compute instance takes at most 4 schedules, was " + schedules.size());
    }
  }

  /** An instance with no idle shutdown, no schedule and Azure's storage and network charges. */
  public static InstanceSpec defaults(String name, String size) {
    return new InstanceSpec(
        name,
        size,
        OptionalLong.empty(),
        DEFAULT_START_SECONDS,
        List.of(),
        DEFAULT_OS_DISK_USD_PER_MONTH,
        DEFAULT_PUBLIC_IP_USD_PER_HOUR,
        Pricing.LOAD_BALANCER_USD_PER_DAY);
  }

  public InstanceSpec withIdleShutdown(long minutes) {
    return new InstanceSpec(
        name,
        size,
        OptionalLong.of(minutes),
        startSeconds,
        schedules,
        osDiskUsdPerMonth,
        publicIpUsdPerHour,
        loadBalancerUsdPerDay);
  }

  public InstanceSpec withStart(Distribution seconds) {
    return new InstanceSpec(
        name,
        size,
        idleTimeBeforeShutdownMinutes,
        seconds,
        schedules,
        osDiskUsdPerMonth,
        publicIpUsdPerHour,
        loadBalancerUsdPerDay);
  }

  public InstanceSpec withSchedules(List<InstanceSchedule> newSchedules) {
    return new InstanceSpec(
        name,
        size,
        idleTimeBeforeShutdownMinutes,
        startSeconds,
        newSchedules,
        osDiskUsdPerMonth,
        publicIpUsdPerHour,
        loadBalancerUsdPerDay);
  }

  /** Disk and public IP, per hour: billed whether the instance runs or not. */
  public double storageAndIpUsdPerHour() {
    return osDiskUsdPerMonth / HOURS_PER_MONTH + publicIpUsdPerHour;
  }
}
