package org.port853.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.port853.platform.OperatingSystem;

/**
 * Can this process capture live? Checks, quickly and without throwing, that libpcap (Npcap on Windows) loads
 * and, on Linux, that the process holds CAP_NET_RAW (root normally does). See {@code docs/capture.md}.
 */
public final class LivePermission {
    /** pcap4j's system property naming the libpcap shared object. */
    public static final String LIB_PROPERTY = "org.pcap4j.core.pcapLibName";
    static final int CAP_NET_RAW = 13;
    public static final String GROUP = "port853";

    private LivePermission() {
    }

    static boolean isWindows() {
        return OperatingSystem.isWindows();
    }

    /**
     * Points pcap4j at Debian's {@code libpcap.so.0.8} when the unversioned {@code libpcap.so} (from the -dev
     * package) is absent and nobody chose a library. Returns the library name pcap4j will load.
     */
    public static synchronized String configureLibraryName() {
        String chosen = System.getProperty(LIB_PROPERTY);
        if (chosen != null) {
            return chosen;
        }
        if (isWindows()) {
            // Npcap installs wpcap.dll under System32\Npcap, which is not on the DLL search path.
            String windir = System.getenv().getOrDefault("SystemRoot", "C:\\Windows");
            com.sun.jna.NativeLibrary.addSearchPath("wpcap", windir + "\\System32\\Npcap");
            return "wpcap";
        }
        for (String dir : new String[] {"/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64",
            "/usr/lib", "/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu"}) {
            if (Files.exists(Path.of(dir, "libpcap.so"))) {
                return "pcap";
            }
        }
        for (String dir : new String[] {"/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64",
            "/usr/lib", "/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu"}) {
            if (Files.exists(Path.of(dir, "libpcap.so.0.8"))) {
                System.setProperty(LIB_PROPERTY, "libpcap.so.0.8");
                return "libpcap.so.0.8";
            }
            if (Files.exists(Path.of(dir, "libpcap.so.1"))) {
                System.setProperty(LIB_PROPERTY, "libpcap.so.1");
                return "libpcap.so.1";
            }
        }
        return "pcap";
    }

    public static Optional<CaptureUnavailableException> check() {
        try {
            String lib = configureLibraryName();
            try {
                com.sun.jna.NativeLibrary.getInstance(lib);
            } catch (UnsatisfiedLinkError | RuntimeException e) {
                return Optional.of(isWindows()
                        ? new CaptureUnavailableException("Npcap is not installed, so traffic cannot be captured.",
                            "Install Npcap from https://npcap.com/ (tick \"WinPcap API-compatible mode\"), then "
                            + "restart Port853.").says("npcap-missing")
                        : new CaptureUnavailableException("libpcap (" + lib + ") is not installed, so traffic "
                            + "cannot be captured.", "Install it: sudo apt install libpcap0.8 (Debian/Ubuntu) or "
                            + "sudo dnf install libpcap (Fedora).").says("libpcap-missing", lib));
            }
            if (isWindows()) {
                return Optional.empty();
            }
            Optional<Boolean> netRaw = hasNetRaw(Path.of("/proc/self/status"));
            if (netRaw.isPresent() && !netRaw.get()) {
                return Optional.of(notPermitted());
            }
            return Optional.empty();
        } catch (RuntimeException | LinkageError e) {
            return Optional.of(new CaptureUnavailableException("Capture is not available: " + e,
                    "Install libpcap (Debian: apt install libpcap0.8) and start Port853 again; its log "
                    + "(~/.local/state/port853/port853.log) says more.").says("unavailable", e));
        }
    }

    /** The login name for the fix text; {@code $USER} when the JVM cannot name the uid (no passwd entry). */
    static String userName() {
        String name = System.getProperty("user.name", "?");
        if (!name.isBlank() && !"?".equals(name)) {
            return name;
        }
        String env = System.getenv("USER");
        return env != null && !env.isBlank() ? env : "$USER";
    }

    static CaptureUnavailableException notPermitted() {
        return notPermitted(org.port853.core.Privileges.isRoot());
    }

    /** Root without the capability can neither join a group nor use sudo to get it: it was taken from the process. */
    static CaptureUnavailableException notPermitted(boolean root) {
        if (root) {
            return new CaptureUnavailableException(
                    "This program may not capture network traffic: it runs as root, but without the CAP_NET_RAW "
                    + "capability, which was taken from this process (a container, a restricted service, or "
                    + "setpriv/capsh).",
                    "Run it where root has CAP_NET_RAW (a shell on the host, or a container started with "
                    + "--cap-add=NET_RAW), or grant the capability to the service that runs it "
                    + "(AmbientCapabilities=CAP_NET_RAW).")
                    .says("not-permitted-root");
        }
        String user = userName();
        return new CaptureUnavailableException(
                "This program may not capture network traffic: it runs as '" + user
                + "' without the CAP_NET_RAW capability.",
                "Install the Port853 package (its capture service serves the group " + GROUP + "), join the group "
                + "and log in again: sudo usermod -aG " + GROUP + " " + user + "; or run the command as root (with sudo)")
                .says("not-permitted", user, GROUP);
    }

    /** Reads CapEff from a /proc status file: empty when it cannot be read. */
    static Optional<Boolean> hasNetRaw(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("CapEff:")) {
                    long caps = Long.parseUnsignedLong(line.substring(7).trim(), 16);
                    return Optional.of((caps & (1L << CAP_NET_RAW)) != 0);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return Optional.empty();
    }
}
