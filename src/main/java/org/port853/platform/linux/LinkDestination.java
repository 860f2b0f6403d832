package org.port853.platform.linux;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Where the kernel takes a symbolic link (path_resolution(7)): a relative target starts in the directory that really
 * holds the link, each name that is itself a link is followed before the next, and {@code ..} steps out of the
 * directory reached so, not out of the name written before it. So {@code /etc/resolv.conf -> ../run/x} leads to
 * {@code /sysroot/run/x} where /etc links to /sysroot/etc, not to /run/x as dropping "etc/.." from the text would say.
 * Names from the first one missing on are taken as written (the link dangles there).
 */
final class LinkDestination {
    /** As the kernel's limit on links followed in one lookup (ELOOP beyond). */
    private static final int MAX_LINKS = 40;

    private LinkDestination() {
    }

    /** The absolute path a link at {@code link} whose text is {@code text} leads to. */
    static Path of(Path link, String text) {
        return walk(link, text).path();
    }

    /** Does the link lead round in a circle of links (the kernel gives up: ELOOP), so that it leads to no file? */
    static boolean circles(Path link, String text) {
        return walk(link, text).circles();
    }

    /** Where a link leads, and whether it went round in a circle of links on the way. */
    record Walk(Path path, boolean circles) {
    }

    /** Both answers of one walk along the link at {@code link} whose text is {@code text}. */
    static Walk walk(Path link, String text) {
        Path absolute = link.toAbsolutePath();
        Deque<String> names = new ArrayDeque<>();
        push(names, text);
        if (!text.startsWith("/")) {
            push(names, absolute.getParent().toString());
        }
        Path at = absolute.getRoot();
        int followed = 0;
        while (!names.isEmpty()) {
            String name = names.pop();
            if (name.isEmpty() || name.equals(".")) {
                continue;
            }
            if (name.equals("..")) {
                at = at.getParent() == null ? at : at.getParent();
                continue;
            }
            Path next = at.resolve(name);
            String further = linkText(next);
            if (further == null) {
                at = next;
                continue;
            }
            if (++followed > MAX_LINKS) {
                return new Walk(next, true);
            }
            push(names, further);
            if (further.startsWith("/")) {
                at = at.getRoot();
            }
        }
        return new Walk(at, false);
    }

    private static void push(Deque<String> names, String path) {
        List<String> parts = List.of(path.split("/"));
        for (int i = parts.size() - 1; i >= 0; i--) {
            names.push(parts.get(i));
        }
    }

    /** The text of the link at {@code path}; null where it is none (or nothing is there). */
    private static String linkText(Path path) {
        if (!Files.isSymbolicLink(path)) {
            return null;
        }
        try {
            return Files.readSymbolicLink(path).toString();
        } catch (IOException e) {
            return null;
        }
    }
}
