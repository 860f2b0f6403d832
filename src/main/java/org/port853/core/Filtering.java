package org.port853.core;

/** What a provider blocks. */
public enum Filtering {
    NONE, MALWARE, ADS, FAMILY
}
