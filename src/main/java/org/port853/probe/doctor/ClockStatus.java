package org.port853.probe.doctor;

/**
 * What is known about the clock. {@code ntpSynchronized}: timedated's NTPSynchronized (null: unknown, with
 * {@code problem} saying why); {@code kernelSynced}/{@code estimatedErrorMillis}/{@code offsetMillis}: the
 * kernel's view from adjtimex(2) (null when unavailable).
 */
public record ClockStatus(Boolean ntpSynchronized, Boolean kernelSynced, Double estimatedErrorMillis,
                          Double offsetMillis, String problem) {
}
