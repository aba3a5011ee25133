package io.capsim.catalog;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * VM series Azure has retired, recognised by size name so that a scenario naming one is refused
 * with the date rather than reported as unknown. Dates from Azure's documentation: NC, NCv2, ND and
 * NV on 2023-08-31; Av1 and HB on 2024-08-31.
 */
public enum Retirement {
  NC("NC", "Standard_NC\\d+r?", "2023-08-31"),
  NC_V2("NCv2", "Standard_NC\\d+r?s_v2", "2023-08-31"),
  ND("ND", "Standard_ND\\d+r?s", "2023-08-31"),
  NV("NV", "Standard_NV\\d+(_Promo)?", "2023-08-31"),
  A_V1("Av1", "(Standard|Basic)_A\\d+", "2024-08-31"),
  HB("HB", "Standard_HB\\d+rs", "2024-08-31");

  private final String series;
  private final Pattern sizes;
  private final LocalDate retired;

  Retirement(String series, String sizeRegex, String retired) {
    this.series = series;
    this.sizes = Pattern.compile(sizeRegex);
    this.retired = LocalDate.parse(retired);
  }

  public String series() {
    return series;
  }

  public LocalDate retired() {
    return retired;
  }

  /** The retirement that covers {@code sizeName}, if its series is retired. */
  public static Optional<Retirement> of(String sizeName) {
    for (Retirement retirement : values()) {
      if (retirement.sizes.matcher(sizeName).matches()) {
        return Optional.of(retirement);
      }
    }
    return Optional.empty();
  }

  /** The sentence users see: {@code Standard_NC6: the NC series was retired on 2023-08-31}. */
  public String message(String sizeName) {
    return sizeName + ": the " + series + " series was retired on " + retired;
  }
}
