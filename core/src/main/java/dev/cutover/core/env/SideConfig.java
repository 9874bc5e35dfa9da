package dev.cutover.core.env;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One side of an environment ({@code source} or {@code target}) in {@code cutover.yaml}.
 *
 * @param live where its live resources are: {@code aws:REGION} or {@code azure:SUB[/RG]}; null if
 *     the side has no live counterpart to read
 * @param state its Terraform state, relative to the directory of {@code cutover.yaml}; null if none
 */
public record SideConfig(@JsonProperty("live") String live, @JsonProperty("state") String state) {}
