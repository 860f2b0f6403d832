package org.port853.core;

/** The one-word answer to "is my DNS encrypted?", best first. */
public enum Verdict {
    PROTECTED, PARTIAL, NOT_ENCRYPTED, BROKEN, UNAVAILABLE
}
