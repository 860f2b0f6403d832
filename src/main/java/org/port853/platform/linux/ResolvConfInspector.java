package org.port853.platform.linux;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.port853.core.FileType;
import org.port853.core.ResolvConfState;
import org.port853.core.ResolvConfState.Kind;

/** Finds out where /etc/resolv.conf leads programs. */
final class ResolvConfInspector {
    private ResolvConfInspector() {
    }

    /** The system's /etc/resolv.conf, and whether the C library reads it (its nsswitch.conf and NSS modules). */
    static ResolvConfState inspect(LinuxPaths paths) {
        return inspect(paths.resolvConf(), NsswitchHosts.dnsBeforeResolve(paths));
    }

    /** The file at {@code resolvConf}, its readers not known beyond the programs that read it themselves. */
    static ResolvConfState inspect(Path resolvConf) {
        return inspect(resolvConf, false);
    }

    /**
     * Decided on one look at the file ({@link ResolvConfLook}), so that a file replaced meanwhile cannot give half of
     * each answer.
     */
    private static ResolvConfState inspect(Path resolvConf, boolean readByCLibrary) {
        return state(ResolvConfLook.of(resolvConf), readByCLibrary);
    }

    /** The state one look gives; {@link Kind#CHANGING} where the file never held still for one. */
    static ResolvConfState state(java.util.Optional<ResolvConfLook> look, boolean readByCLibrary) {
        return look.map(l -> state(l, readByCLibrary))
                .orElseGet(() -> new ResolvConfState(Kind.CHANGING, null, List.of(), readByCLibrary));
    }

    private static ResolvConfState state(ResolvConfLook look, boolean readByCLibrary) {
        Kind kind = kind(look);
        return new ResolvConfState(kind, look.linkTarget(), kind == Kind.MISSING || kind == Kind.DIRECTORY
                || kind == Kind.SPECIAL ? List.of() : look.lines().nameservers(), readByCLibrary,
                kind == Kind.SPECIAL ? look.type() : null, kind == Kind.SPECIAL && look.nullDevice());
    }

    /** A link to the stub or uplink file is what it leads to once that is there; anything else is what was opened. */
    private static Kind kind(ResolvConfLook look) {
        if (look.type() == null) {
            return Kind.MISSING;
        }
        Kind link = look.isLink() ? linkKind(look.linkTarget()) : Kind.STATIC;
        if (link != Kind.STATIC || look.type() == FileType.REGULAR) {
            return link;
        }
        return look.type() == FileType.DIRECTORY ? Kind.DIRECTORY : Kind.SPECIAL;
    }

    /** Does a link at {@code resolvConf} to {@code link} (null: not a link) lead to the stub's file? */
    static boolean leadsToStub(Path resolvConf, String link) {
        return link != null && linkKind(leadsTo(resolvConf, link)) == Kind.STUB;
    }

    /**
     * Is {@code resolvConf} a link to systemd-resolved's stub or uplink file, whether or not that file exists now
     * (it does not while the service is stopped)?
     */
    static boolean leadsToResolved(Path resolvConf) {
        try {
            String target = linkTarget(resolvConf);
            return target != null && linkKind(target) != Kind.STATIC;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Do programs that read {@code resolvConf} ask systemd-resolved, now or once it runs again: a link to its stub or
     * uplink file (whether or not that exists now), or a file naming only the stub's addresses (a copy of the stub
     * file, or a link to one)? Decided on one look at the file, so that a file replaced meanwhile (a link swapped for a
     * copy) cannot give half of each answer; a file that cannot be read leads nowhere, one that never held still may
     * lead there (taken as yes: turning resolved off at boot under it could leave programs without DNS).
     */
    static boolean usesResolved(Path resolvConf) {
        return ResolvConfLook.of(resolvConf).map(look -> look.isLink() && linkKind(look.linkTarget()) != Kind.STATIC
                || look.type() == FileType.REGULAR && onlyStub(look.lines())).orElse(true);
    }

    private static boolean onlyStub(ResolvConfLines lines) {
        return new ResolvConfState(Kind.STATIC, null, lines.nameservers()).pointsOnlyAtStub();
    }

    /** The absolute path the link at {@code resolvConf} names; null when it is not a link. */
    private static String linkTarget(Path resolvConf) throws IOException {
        return Files.isSymbolicLink(resolvConf)
                ? leadsTo(resolvConf, Files.readSymbolicLink(resolvConf).toString()) : null;
    }

    /** What a link to the absolute path {@code target} is, as if that file exists: the stub, the uplink or other. */
    private static Kind linkKind(String target) {
        return linkKind(Path.of(target), Path.of(LinuxPaths.STUB_RESOLV_CONF), Path.of(LinuxPaths.UPLINK_RESOLV_CONF));
    }

    /**
     * What a link leading to {@code destination} (as {@link LinkDestination} follows it) is, against resolved's
     * {@code stub} and {@code uplink} files wherever their directories really are: /run may itself be a link (to /var/run).
     * Their own names are not followed, as resolved writes them in place.
     */
    static Kind linkKind(Path destination, Path stub, Path uplink) {
        if (destination.equals(inRealDirectory(stub))) {
            return Kind.STUB;
        }
        return destination.equals(inRealDirectory(uplink)) ? Kind.UPLINK : Kind.STATIC;
    }

    private static Path inRealDirectory(Path file) {
        return LinkDestination.of(file, file.getParent().toString()).resolve(file.getFileName());
    }

    /** The absolute path a link at {@code resolvConf} to {@code link} leads to, as the kernel follows it. */
    static String leadsTo(Path resolvConf, String link) {
        return LinkDestination.of(resolvConf, link).toString();
    }

    /**
     * Which of {@link ResolvConfState#bypass}'s sentences applies, for the window's words: 0 uplink, 1 missing, 2 a
     * static file, 3 a directory, 4 no regular file, 5 changing.
     */
    static int bypassKind(ResolvConfState rc) {
        return switch (rc.kind()) {
            case UPLINK -> 0;
            case MISSING -> 1;
            case DIRECTORY -> 3;
            case SPECIAL -> 4;
            case CHANGING -> 5;
            default -> 2;
        };
    }
}
