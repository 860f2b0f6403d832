package org.port853.core;

import java.util.Map;

/**
 * One resolved.conf drop-in and the keys it sets. {@code ours} marks Port853's own file;
 * {@code overridesOurs} marks a file that sorts after ours and sets a key we set (so it wins);
 * {@code hidesOurs} marks a file systemd-resolved fails on ({@code error} says why) that sorts before ours: it stops
 * reading at that file, so the drop-ins after it, ours included, are ignored. From 253 a file it cannot open (its user
 * may not read it) hides ours wherever it sorts: resolved then ignores every configuration file.
 * {@code skippedLine} says why resolved skips a line of a file it reads (null when none). {@code exported} marks a file
 * (not Port853's own) that carries the header 'port853 export' writes: a copy a fleet playbook deployed.
 * {@code stop} says whether systemd-resolved goes on reading past this file, wherever it sorts.
 */
public record DropIn(String path, boolean ours, boolean overridesOurs, Map<String, String> keys, String error,
                     boolean hidesOurs, String skippedLine, java.util.Set<String> clearedLists, boolean exported,
                     Stop stop) {
    /** What systemd-resolved does when it meets the file. */
    public enum Stop {
        /** It reads the file (or skips it) and goes on to the next. */
        NONE,
        /** It fails on the file: the files before it stay in force, none from it on is read. */
        HERE,
        /** It ignores every settings file, resolved.conf included. */
        ALL_FILES,
        /**
         * It fails on the file while it opens every file before it reads any (from 253): it ignores every settings file,
         * also where it cannot parse a file that sorts before this one (it never gets to read that).
         */
        ALL_FILES_AT_OPENING;

        /** It reads no settings file at all. */
        public boolean readsNone() {
            return this == ALL_FILES || this == ALL_FILES_AT_OPENING;
        }
    }

    /**
     * {@code clearedLists}: the list keys (DNS=, Domains=, ...) the file clears with an empty assignment, so the files
     * before it add nothing to them ({@code keys} holds only what this file sets after that).
     */
    public DropIn {
        keys = Map.copyOf(keys);
        clearedLists = java.util.Set.copyOf(clearedLists);
        java.util.Objects.requireNonNull(stop);
    }

    /** The same file as resolved would read past it. */
    public DropIn withoutStop() {
        return new DropIn(path, ours, overridesOurs, keys, error, hidesOurs, skippedLine, clearedLists, exported);
    }

    /** A drop-in past which systemd-resolved goes on reading. */
    public DropIn(String path, boolean ours, boolean overridesOurs, Map<String, String> keys, String error,
                  boolean hidesOurs, String skippedLine, java.util.Set<String> clearedLists, boolean exported) {
        this(path, ours, overridesOurs, keys, error, hidesOurs, skippedLine, clearedLists, exported, Stop.NONE);
    }

    /** A drop-in without the header of 'port853 export'. */
    public DropIn(String path, boolean ours, boolean overridesOurs, Map<String, String> keys, String error,
                  boolean hidesOurs, String skippedLine, java.util.Set<String> clearedLists) {
        this(path, ours, overridesOurs, keys, error, hidesOurs, skippedLine, clearedLists, false);
    }

    public DropIn(String path, boolean ours, boolean overridesOurs, Map<String, String> keys, String error,
                  boolean hidesOurs, String skippedLine) {
        this(path, ours, overridesOurs, keys, error, hidesOurs, skippedLine, java.util.Set.of());
    }

    /** A drop-in whose lines resolved reads whole. */
    public DropIn(String path, boolean ours, boolean overridesOurs, Map<String, String> keys, String error,
                  boolean hidesOurs) {
        this(path, ours, overridesOurs, keys, error, hidesOurs, null);
    }

    /** A drop-in that systemd-resolved reads (whatever Port853 makes of it). */
    public DropIn(String path, boolean ours, boolean overridesOurs, Map<String, String> keys, String error) {
        this(path, ours, overridesOurs, keys, error, false);
    }
}
