package dev.watchpost.detect;

import java.util.Locale;

/**
 * A group of detections deployed as one Lambda function with one EventBridge rule. The id is the prefix of every
 * detection id of the family ({@code network.…}) and part of resource names, so it is a public contract.
 */
public enum Family {
    NETWORK, ACCESS, HARDENING, AUDIT;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
