package org.port853.probe.doctor;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.interfaces.Properties;
import org.port853.core.DropIn;
import org.port853.core.ResolverState;
import org.port853.platform.ProcessRunner;
import org.port853.platform.linux.LinuxDetails;
import org.port853.platform.linux.ResolvedConfFiles;

/** The real sources on Linux: timedated over D-Bus, adjtimex(2), journalctl, /proc/net, nft. */
public final class LinuxSystemSources implements SystemSources {
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    /** adjtimex(2) with modes = 0 only reads; no privilege needed. */
    interface LibC extends Library {
        int adjtimex(Pointer timex);
    }

    @Override
    public ClockStatus clock() {
        Boolean ntp = null;
        String problem = null;
        try {
            ntp = CompletableFuture.supplyAsync(LinuxSystemSources::ntpSynchronized).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            problem = "org.freedesktop.timedate1 did not answer within " + TIMEOUT.toSeconds() + " s";
        } catch (Exception e) {
            Throwable c = e.getCause() == null ? e : e.getCause();
            problem = "org.freedesktop.timedate1 is not available (" + c.getMessage() + ")";
        }
        try {
            LibC c = Native.load("c", LibC.class);
            Memory timex = new Memory(256);
            timex.clear();
            int state = c.adjtimex(timex);
            // x86-64/aarch64 struct timex: modes(int,+pad) offset(long@8) freq(@16) maxerror(@24) esterror(@32) status(int@40)
            long offset = timex.getLong(8);
            long esterror = timex.getLong(32);
            int status = timex.getInt(40);
            double scale = (status & 0x2000) != 0 ? 1e6 : 1e3; // STA_NANO: offset in ns, else µs
            boolean synced = state != 5 && (status & 0x40) == 0; // TIME_ERROR, STA_UNSYNC
            return new ClockStatus(ntp, synced, esterror / 1e3, offset / scale, problem);
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return new ClockStatus(ntp, null, null, null, problem);
        }
    }

    private static Boolean ntpSynchronized() {
        try (DBusConnection bus = DBusConnectionBuilder.forSystemBus().withShared(false).build()) {
            Properties p = bus.getRemoteObject("org.freedesktop.timedate1", "/org/freedesktop/timedate1", Properties.class);
            return p.Get("org.freedesktop.timedate1", "NTPSynchronized");
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
    }

    @Override
    public List<String> resolvedJournal() throws IOException {
        ProcessRunner.Result r = ProcessRunner.run(List.of("journalctl", "-u", "systemd-resolved", "--since", "-1h",
                "-n", "500", "-o", "cat", "--no-pager", "-q"), null, TIMEOUT);
        if (!r.ok()) {
            throw new IOException("journalctl failed: " + r.stderr().strip());
        }
        return List.of(r.stdout().split("\n"));
    }

    @Override
    public List<ListeningSockets.Socket> dnsSockets() {
        List<ListeningSockets.Socket> out = new ArrayList<>();
        for (String p : List.of("tcp", "tcp6", "udp", "udp6")) {
            try {
                out.addAll(ListeningSockets.port53(Files.readString(Path.of("/proc/net", p)), p));
            } catch (IOException e) {
                // no IPv6 table on a kernel without IPv6
            }
        }
        return out;
    }

    @Override
    public String nftRuleset() {
        try {
            ProcessRunner.Result r = ProcessRunner.run(List.of("nft", "-j", "list", "ruleset"), null, TIMEOUT);
            return r.ok() ? r.stdout() : null;
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public Map<String, String> resolvedKeys(ResolverState state) {
        Map<String, String> keys = new LinkedHashMap<>(ResolvedConfFiles.mainFileKeys());
        if (state.platform() instanceof LinuxDetails) {
            for (DropIn d : ((LinuxDetails) state.platform()).dropIns()) {
                keys.putAll(d.keys());
            }
        }
        return keys;
    }

    @Override
    public int resolverVersion(ResolverState state) {
        return state.platform() instanceof LinuxDetails ? ((LinuxDetails) state.platform()).systemdVersion() : 0;
    }
}
