package dev.watchpost.detect.audit;

import dev.watchpost.detect.FindingDetails;

/**
 * The trail a finding is about, as the call named it.
 *
 * @param nameOrArn the trail's name or full ARN, exactly as given in {@code requestParameters.name}
 */
public record TrailTarget(String nameOrArn) implements FindingDetails {}
