package org.port853.core;

/**
 * Where /etc/resolv.conf leads programs that read it. {@code readByCLibrary}: the C library's own lookups follow the file
 * too (it asks {@code dns} with no working {@code resolve} before it), so nearly every program
 * does, not only those that read it themselves. {@code fileType}: what it is where it is {@link Kind#SPECIAL}, else null;
 * {@code nullDevice}: it is the null device (by its device numbers, whatever its path), which reads as empty.
 */
public record ResolvConfState(Kind kind, String target, java.util.List<String> nameservers, boolean readByCLibrary,
                              FileType fileType, boolean nullDevice) {
    public enum Kind {
        /** Link to resolved's stub file: everything goes through 127.0.0.53. */
        STUB,
        /** Link to resolved's uplink file: programs talk to the upstream servers directly. */
        UPLINK,
        /** A regular file, or a link to something else. */
        STATIC,
        /** A directory (or a link to one): no program can read settings from it, the C library included. */
        DIRECTORY,
        /** A named pipe, a socket or a device (or a link to one): no settings to read, and a pipe makes its readers wait. */
        SPECIAL,
        /** Missing or a dangling link. */
        MISSING,
        /** Rewritten each time it was looked at: what programs find there cannot be told. */
        CHANGING
    }

    public ResolvConfState {
        nameservers = java.util.List.copyOf(nameservers);
    }

    /** Anything but the null device. */
    public ResolvConfState(Kind kind, String target, java.util.List<String> nameservers, boolean readByCLibrary,
                           FileType fileType) {
        this(kind, target, nameservers, readByCLibrary, fileType, false);
    }

    /** Anything but {@link Kind#SPECIAL}. */
    public ResolvConfState(Kind kind, String target, java.util.List<String> nameservers, boolean readByCLibrary) {
        this(kind, target, nameservers, readByCLibrary, null);
    }

    /** A file whose readers are not known beyond the programs that read it themselves. */
    public ResolvConfState(Kind kind, String target, java.util.List<String> nameservers) {
        this(kind, target, nameservers, false);
    }

    /** Neither file nor directory: no link replaces it before it is moved away, and programs find no settings there. */
    public boolean isNoFile() {
        return kind == Kind.DIRECTORY || kind == Kind.SPECIAL;
    }

    /** The null device, or a link to it: read as an empty file (no servers), also by the C library, not as a failure. */
    public boolean readsAsEmpty() {
        return kind == Kind.SPECIAL && nullDevice;
    }

    /** No file, and not a link either: a link to the stub replaces a link, but not this, until it is moved away. */
    public boolean needsMovingAway() {
        return isNoFile() && target == null;
    }

    /** What a {@link Kind#SPECIAL} file is, for the bundles' choices: 0 a named pipe, 1 a socket, 2 a device, 3 other. */
    public int specialKind() {
        return fileType == FileType.NAMED_PIPE ? 0 : fileType == FileType.SOCKET ? 1
                : fileType == FileType.CHARACTER_DEVICE || fileType == FileType.BLOCK_DEVICE ? 2 : 3;
    }

    /** {@link #specialKind()} in English words. */
    public String specialName() {
        return java.util.List.of("a named pipe", "a socket", "a device", "no file of a known kind").get(specialKind());
    }

    /**
     * Does the file send the C library's lookups past the stub to a server on the network (not loopback, where a local
     * forwarder of unknown kind may answer), so that nearly every program's names leave in plaintext?
     */
    public boolean sendsLookupsToNetwork() {
        return readByCLibrary && (kind == Kind.UPLINK || kind == Kind.STATIC && nameservers.stream()
                .anyMatch(n -> !isLoopback(n)));
    }

    /**
     * Who misses a change made through the stub because of this file: 0 the programs that read it, 1 nearly every
     * program ({@link #sendsLookupsToNetwork()}), 2 nobody, but the programs that read it find no server (a directory).
     */
    public int missedBy() {
        return isNoFile() ? 2 : sendsLookupsToNetwork() ? 1 : 0;
    }

    /** {@link #missedBy()} in words (English; the bundles' result.not-covered chooses by the number). */
    public String missedByText() {
        return switch (missedBy()) {
            case 1 -> "nearly every program on this machine bypasses this change (the C library follows the file)";
            case 2 -> "programs that read it find no DNS server there";
            default -> "programs that read it bypass this change";
        };
    }

    /**
     * What comes before linking {@code file} to the stub: stopping whatever keeps rewriting it (it would replace the
     * link as well; which program that is cannot be seen), moving it away where it is a directory or no file and no
     * link either (no link replaces one), else nothing.
     */
    public String beforeTheLink(String file) {
        if (kind == Kind.CHANGING) {
            return "find the program that keeps rewriting it and stop it first, then ";
        }
        return needsMovingAway() ? "move " + (kind == Kind.DIRECTORY ? "the directory" : "it") + " away first (sudo mv " + file
                + " " + file + ".old), then " : "";
    }

    private static boolean isLoopback(String address) {
        String a = address.toLowerCase(java.util.Locale.ROOT);
        return a.startsWith("127.") || a.equals("::1") || a.equals("0:0:0:0:0:0:0:1");
    }

    /** Does the file name servers, all of them resolved's stub addresses (a file of its own that still uses the stub)? */
    public boolean pointsOnlyAtStub() {
        return !nameservers.isEmpty() && DesiredSettings.RESOLVED_STUBS.containsAll(nameservers);
    }

    /** Programs that read this file go to resolved's stub: a link to the stub file, or a file naming only its addresses. */
    public boolean leadsToStub() {
        return kind == Kind.STUB || kind == Kind.STATIC && pointsOnlyAtStub();
    }

    /**
     * Why programs that read this file would bypass the stub (and a change made through it), or empty when they go
     * through the stub: a link to the stub file, or a static file naming only the stub's addresses.
     */
    public java.util.Optional<String> bypass() {
        switch (kind) {
            case STUB:
                return java.util.Optional.empty();
            case UPLINK:
                return java.util.Optional.of("/etc/resolv.conf links to resolved's uplink file");
            case MISSING:
                return java.util.Optional.of("/etc/resolv.conf is missing");
            case DIRECTORY:
                return java.util.Optional.of("/etc/resolv.conf is a directory");
            case SPECIAL:
                return java.util.Optional.of("/etc/resolv.conf is not a regular file (" + specialName() + ")");
            case CHANGING:
                return java.util.Optional.of("/etc/resolv.conf kept changing while it was read");
            default:
                return pointsOnlyAtStub() ? java.util.Optional.empty() : java.util.Optional.of("/etc/resolv.conf is a file of its own"
                        + (nameservers.isEmpty() ? "" : " naming " + String.join(", ", nameservers)));
        }
    }
}
