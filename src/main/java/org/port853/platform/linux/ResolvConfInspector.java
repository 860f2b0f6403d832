package org.port853.platform.linux;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Optional;
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

    private static ResolvConfState inspect(Path resolvConf, boolean readByCLibrary) {
        String target = null;
        Kind kind;
        try {
            target = linkTarget(resolvConf);
            if (target != null) {
                kind = !Files.exists(resolvConf) ? Kind.MISSING : linkKind(target);
            } else if (Files.exists(resolvConf, LinkOption.NOFOLLOW_LINKS)) {
                kind = Kind.STATIC;
            } else {
                kind = Kind.MISSING;
            }
        } catch (IOException e) {
            kind = Kind.MISSING;
        }
        if (kind == Kind.STATIC && Files.isDirectory(resolvConf)) {
            kind = Kind.DIRECTORY;
        }
        return new ResolvConfState(kind, target, kind == Kind.MISSING || kind == Kind.DIRECTORY ? List.of()
                : ResolvConfLines.read(resolvConf).nameservers(), readByCLibrary);
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
     * copy) cannot give half of each answer; a file that cannot be read leads nowhere.
     */
    static boolean usesResolved(Path resolvConf) {
        for (int attempt = 0; attempt < LOOK_ATTEMPTS; attempt++) {
            Optional<Boolean> answer = usesResolvedAtOneLook(resolvConf);
            if (answer.isPresent()) {
                return answer.get();
            }
        }
        return false;
    }

    /** Empty where the file changed while it was looked at (or could not be read as what it was): look again. */
    private static Optional<Boolean> usesResolvedAtOneLook(Path resolvConf) {
        BasicFileAttributes seen;
        try {
            seen = Files.readAttributes(resolvConf, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException missing) {
            return Optional.of(false);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (seen.isSymbolicLink()) {
            String target;
            try {
                target = leadsTo(resolvConf, Files.readSymbolicLink(resolvConf).toString());
            } catch (IOException e) {
                return Optional.empty();
            }
            return Optional.of(linkKind(target) != Kind.STATIC || onlyStub(ResolvConfLines.read(Path.of(target))));
        }
        if (!seen.isRegularFile()) {
            return Optional.of(false); // a directory, a pipe (not waited on)
        }
        byte[] bytes;
        try (var in = Files.newInputStream(resolvConf, LinkOption.NOFOLLOW_LINKS)) { // not through a link it became
            bytes = in.readAllBytes();
        } catch (IOException e) {
            return Optional.empty();
        }
        try {
            return Optional.of(onlyStub(ResolvConfLines.parse(StandardCharsets.UTF_8.newDecoder()
                    .decode(ByteBuffer.wrap(bytes)).toString())));
        } catch (CharacterCodingException e) {
            return Optional.of(false); // as every reader of the file takes it (ResolvConfLines.read)
        }
    }

    private static final int LOOK_ATTEMPTS = 100;

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
        if (target.equals(LinuxPaths.STUB_RESOLV_CONF)) {
            return Kind.STUB;
        }
        return target.equals(LinuxPaths.UPLINK_RESOLV_CONF) ? Kind.UPLINK : Kind.STATIC;
    }

    /** The absolute path a link at {@code resolvConf} to {@code link} names (relative links from its directory). */
    private static String leadsTo(Path resolvConf, String link) {
        return resolvConf.getParent().resolve(link).normalize().toString();
    }

    /** Which of {@link ResolvConfState#bypass}'s sentences applies, for the window's words: 0 uplink, 1 missing, 2 a static file. */
    static int bypassKind(ResolvConfState rc) {
        return switch (rc.kind()) {
            case UPLINK -> 0;
            case MISSING -> 1;
            case DIRECTORY -> 3;
            default -> 2;
        };
    }
}
