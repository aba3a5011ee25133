package io.capsim.scenario;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;

/**
 * IANA time-zone names and the Windows names Azure ML documents for compute-instance start and stop
 * schedules ({@code "W. Europe Standard Time"}), mapped by ICU4J from CLDR's windowsZones table,
 * which Unicode maintains, rather than by a table of our own.
 */
public final class WindowsTimeZones {
  private WindowsTimeZones() {}

  /** The Windows name of {@code zone}, if Windows has one for it. */
  public static Optional<String> windowsName(ZoneId zone) {
    String id = zone.normalized().getId().equals("Z") ? "UTC" : zone.getId();
    return Optional.ofNullable(com.ibm.icu.util.TimeZone.getWindowsID(id));
  }

  /** The IANA zone a Windows name stands for (its "golden" zone in CLDR), if it names one. */
  public static Optional<ZoneId> fromWindowsName(String windowsName) {
    String id = com.ibm.icu.util.TimeZone.getIDForWindowsID(windowsName, null);
    if (id == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(ZoneId.of(id));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
