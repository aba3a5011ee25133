package io.capsim.catalog;

/** A size, region or price the catalog cannot provide; the message says why and what is close. */
public final class CatalogException extends IllegalArgumentException {
  public CatalogException(String message) {
    super(message);
  }
}
