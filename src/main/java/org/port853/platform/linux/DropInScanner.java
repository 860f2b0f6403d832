package org.port853.platform.linux;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.port853.core.DropIn;
import org.port853.core.Utf8Bytes;

/**
 * Lists every resolved.conf drop-in in the order systemd applies them: by file name across all drop-in
 * directories, where a name in an earlier directory (/etc before /run before /usr) masks the same name later.
 */
final class DropInScanner {
    private static final long MAX_SIZE = 64 * 1024;
    /** The error of a link to a missing file, which resolved skips (the files after it are read). */
    static final String DANGLING_LINK = "a link to a missing file";
    /** The error of a named pipe or device ({@link #isPipeOrDevice}), never opened. */
    static final String PIPE = "a named pipe or device, not a file";

    private DropInScanner() {
    }

    /** As systemd-resolved {@code systemdVersion} (0 = unknown: a current release) would read them. */
    static List<DropIn> scan(LinuxPaths paths, int systemdVersion) {
        Optional<ResolvedUser> user = ResolvedUser.of(paths.etc());
        Path top = paths.etc().getParent();
        Map<String, Path> byName = new TreeMap<>();
        Map<Path, String> unlisted = new HashMap<>();
        for (Path dir : paths.dropInDirs()) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            user.flatMap(u -> u.cannotList(dir, top)).ifPresent(why -> unlisted.put(dir, why));
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.conf")) {
                for (Path f : files) {
                    if (!hidden(f)) {
                        byName.putIfAbsent(f.getFileName().toString(), f);
                    }
                }
            } catch (IOException e) {
                // an unreadable directory hides its files from us just as it would from an admin's ls
            }
        }
        String ourName = paths.ourDropIn().getFileName().toString();
        ResolvedFeatures features = new ResolvedFeatures(systemdVersion);
        List<DropIn> out = new ArrayList<>();
        // the main file resolved's user cannot open: it fails there and reads no drop-in at all, ours included
        Path main = paths.mainConf(systemdVersion);
        if (Files.isRegularFile(main)) {
            user.flatMap(u -> u.cannotRead(main, top)).ifPresent(why -> out.add(new DropIn(main.toString(), false,
                    false, Map.of(), why, true, null, java.util.Set.of(), false, DropIn.Stop.ALL_FILES)));
        }
        // the keys Port853's drop-in sets; it sorts before the files that could override it
        java.util.Set<String> oursKeys = ResolvedConf.ALWAYS_WRITTEN;
        boolean oursAtItsPath = OurDropIn.shownAsOurs(paths);
        for (Map.Entry<String, Path> e : byName.entrySet()) {
            Path file = e.getValue();
            // ours: the file Port853 wrote here, as revert sees it; at the same path a drop-in a fleet playbook
            // deployed from 'port853 export', or one edited since Port853 wrote it, is someone else's, and its
            // settings stay after a revert
            boolean ours = oursAtItsPath && file.equals(paths.ourDropIn());
            // parsed: what resolved reads (its error: a line it skips); fileError: why it cannot read the file at all
            ResolvedConf.Parsed parsed = new ResolvedConf.Parsed(Map.of(), null);
            String fileError = null;
            boolean unparsable = false;
            boolean exported = false;
            Path dir = file.getParent();
            Optional<String> closed = unlisted.containsKey(dir) ? Optional.of(unlisted.get(dir))
                    : Files.isDirectory(file) ? Optional.empty() : user.flatMap(u -> u.cannotRead(file, top));
            if (closed.isPresent()) {
                fileError = closed.get();
            } else {
                try {
                    String text = read(file);
                    parsed = ResolvedConf.parse(text);
                    exported = !ours && FleetExport.exported(text);
                } catch (Unparsable ex) {
                    fileError = ex.getMessage();
                    unparsable = true;
                } catch (IOException ex) {
                    fileError = describe(file, ex);
                }
            }
            if (ours && fileError == null) { // an unreadable one of ours says nothing of what it sets
                oursKeys = parsed.keys().keySet();
            }
            // A file with our name elsewhere (/run, /usr) is masked by ours in /etc once we write it.
            boolean later = sortsAfterOurs(e.getKey(), ourName);
            boolean overrides = later && !ResolvedConf.effectiveKeysAmong(parsed.keys(), oursKeys).isEmpty();
            // a directory resolved's user cannot list is skipped whole: it hides ours only when ours is in it
            DropIn.Stop stop = unlisted.containsKey(dir) ? DropIn.Stop.NONE : closed.isPresent()
                    ? unopenedStop(features) : unparsable ? failedStop(file, features) : DropIn.Stop.NONE;
            boolean hides = unlisted.containsKey(dir) ? dir.equals(paths.ourDropIn().getParent())
                    : stopHidesOurs(stop, later) && !(closed.isPresent() && e.getKey().equals(ourName));
            out.add(new DropIn(file.toString(), ours, overrides, parsed.keys(), fileError, hides, parsed.error(),
                    parsed.cleared(), exported, stop));
        }
        return out;
    }

    /**
     * systemd lists no file whose name starts with '.' in a configuration directory (checked on 252: resolved reads
     * the drop-ins beside a directory or a file so named and leaves it out; so do 247 and 262).
     */
    private static boolean hidden(Path file) {
        return file.getFileName().toString().startsWith(".");
    }

    /**
     * The file at {@code path} is a drop-in read after Port853's: what it sets wins over ours (the main resolved.conf
     * never is: it is read before every drop-in).
     */
    static boolean readAfterOurs(String path) {
        java.nio.file.Path p = java.nio.file.Path.of(path);
        return !p.endsWith(java.nio.file.Path.of("systemd", "resolved.conf"))
                && sortsAfterOurs(p.getFileName().toString(), LinuxPaths.DROP_IN_NAME);
    }

    /** A drop-in named {@code name} is read after Port853's {@code ourName}: what it sets wins over ours. */
    static boolean sortsAfterOurs(String name, String ourName) {
        return name.compareTo(ourName) > 0;
    }

    /**
     * Why systemd-resolved would not see Port853's drop-in because it cannot list the directory it goes in (apply
     * makes a missing one 0755), or empty. Files in that directory are refused one by one in {@link #scan}; this also
     * covers the directory with no file in it yet.
     */
    static Optional<String> ourDirectoryClosed(LinuxPaths paths) {
        Path dir = paths.ourDropIn().getParent();
        return Files.isDirectory(dir)
                ? ResolvedUser.of(paths.etc()).flatMap(u -> u.cannotListItself(dir, paths.etc().getParent()))
                : Optional.empty();
    }

    /**
     * A drop-in resolved's user cannot open: resolved stops reading there, and from 253 it ignores every file (checked
     * on 247, 252, 257 and 262).
     */
    private static DropIn.Stop unopenedStop(ResolvedFeatures features) {
        return features.opensAllFilesFirst() ? DropIn.Stop.ALL_FILES_AT_OPENING : DropIn.Stop.HERE;
    }

    /**
     * A drop-in resolved fails on: it stops reading there (the ones before it stay in effect; checked on 247, 252, 257
     * and 262 with a line that is not UTF-8), and from 258 a directory named *.conf makes it ignore every file. A named
     * pipe it waits on for good before 258 (no file comes into force), and from 258 it ignores every file. (A directory
     * it cannot list it only skips: see scan.)
     */
    private static DropIn.Stop failedStop(Path file, ResolvedFeatures features) {
        if (features.notAFileHidesAll() && Files.isDirectory(file)) {
            return DropIn.Stop.ALL_FILES_AT_OPENING;
        }
        if (isPipeOrDevice(file)) { // from 253 it opens (and waits on) the pipe before it reads any file
            return features.opensAllFilesFirst() ? DropIn.Stop.ALL_FILES_AT_OPENING : DropIn.Stop.ALL_FILES;
        }
        return DropIn.Stop.HERE;
    }

    /**
     * A file where resolved stops reading hides Port853's drop-in when it sorts before it ({@code later}: after it), one
     * that makes resolved ignore every file wherever it sorts.
     */
    private static boolean stopHidesOurs(DropIn.Stop stop, boolean later) {
        return stop.readsNone() || stop == DropIn.Stop.HERE && !later;
    }

    /** {@code d} is a named pipe or device, as {@link #scan} found it. */
    static boolean isPipe(DropIn d) {
        return PIPE.equals(d.error());
    }

    /**
     * A named pipe or device with the name of Port853's drop-in in a later drop-in directory (/run, /usr/local/lib,
     * /usr/lib), which Port853's drop-in at its path masks now, so {@link #scan} does not list it: removing that (a
     * revert) unmasks it, and the restart after it then meets the pipe. Empty where nothing is at Port853's path (the
     * scan lists the pipe as any other drop-in), or something a revert leaves alone (a link, someone else's file, one
     * of Port853's edited since: {@link OurDropIn}).
     */
    static Optional<Path> pipeOursMasks(LinuxPaths paths) {
        return OurDropIn.revertRemoves(paths) ? pipeWithOurName(paths) : Optional.empty();
    }

    /**
     * A named pipe or device with the name of Port853's drop-in in a later drop-in directory, which the file at Port853's
     * path masks, whoever's that is; empty without a file there.
     */
    static Optional<Path> pipeWithOurName(LinuxPaths paths) {
        Path ours = paths.ourDropIn();
        if (!Files.isRegularFile(ours, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        return paths.dropInDirs().stream().filter(dir -> !dir.equals(ours.getParent()))
                .map(dir -> dir.resolve(ours.getFileName())).filter(DropInScanner::isPipeOrDevice).findFirst();
    }

    /**
     * Neither file nor directory (a named pipe, a device): resolved opens it and waits there (checked on 252 with a
     * pipe). /dev/null is not one: a link to it masks a drop-in, and reads as empty.
     */
    static boolean isPipeOrDevice(Path file) {
        if (!Files.exists(file) || Files.isRegularFile(file) || Files.isDirectory(file)) {
            return false;
        }
        try {
            return !file.toRealPath().equals(Path.of("/dev/null"));
        } catch (IOException e) {
            return true;
        }
    }

    /**
     * A file systemd-resolved fails on, after which it reads no further drop-in (checked on 252: a directory, a parsed
     * line that is not UTF-8; on 247, 252, 257 and 262: a file its user cannot open, see {@link ResolvedUser}). It
     * skips a link to a missing file and a line that is not KEY=VALUE, and reads large files.
     */
    private static final class Unparsable extends IOException {
        Unparsable(String why) {
            super(why);
        }
    }

    private static String read(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new Unparsable("a directory, not a file");
        }
        if (isPipeOrDevice(file)) { // reading it would wait for a writer for good
            throw new Unparsable(PIPE);
        }
        if (Files.size(file) > MAX_SIZE) {
            throw new IOException("larger than " + MAX_SIZE / 1024 + " KiB");
        }
        byte[] bytes = Files.readAllBytes(file);
        Optional<String> text = Utf8Bytes.decode(bytes);
        if (text.isPresent()) {
            return text.get();
        }
        int line = ResolvedConf.firstNonUtf8Line(bytes);
        if (line > 0) {
            throw new Unparsable("line " + line + " is not valid UTF-8");
        }
        return new String(bytes, StandardCharsets.UTF_8); // not UTF-8 in comments only, which resolved skips too
    }

    private static String describe(Path file, IOException ex) {
        if (ex instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (ex instanceof java.nio.file.NoSuchFileException && Files.isSymbolicLink(file)) {
            return DANGLING_LINK;
        }
        return ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
    }
}
