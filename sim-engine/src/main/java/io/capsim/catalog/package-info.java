/**
 * Facts about Azure VM sizes: shape, Linux pay-as-you-go and Spot prices by region, relative CPU
 * speed (Azure Compute Units) and GPU speed, retired series and CUDA support by GPU architecture.
 */
@NullMarked
package io.capsim.catalog;

import org.jspecify.annotations.NullMarked;
