package org.port853.platform.linux;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.port853.core.FileType;
import org.port853.core.NotRegularFileException;
import org.port853.core.RegularFiles;

/**
 * One look at a resolv.conf: the path's own attributes (lstat), where it links to, and what the one open of it found:
 * its type ({@code null}: nothing there, or a dangling link) and, for a regular file, its bytes ({@code null} where it
 * could not be read), and whether it is the null device, which reads as empty ({@link NullDevice}). A pipe is opened
 * without waiting for a writer ({@link RegularFiles}).
 */
record ResolvConfLook(String linkTarget, FileType type, byte[] bytes, boolean nullDevice) {
    /** The looks taken before giving up on a file rewritten all the time, and the pause between two of them. */
    static final int ATTEMPTS = 5;
    static final Duration PAUSE = Duration.ofMillis(10);

    /** Anything but the null device. */
    ResolvConfLook(String linkTarget, FileType type, byte[] bytes) {
        this(linkTarget, type, bytes, false);
    }

    /**
     * The look, taken again while the file changes under it (at most {@value #ATTEMPTS} times, {@link #PAUSE} apart, so
     * that a file rewritten without end costs a few looks, not a busy loop); empty if it never held still.
     */
    static Optional<ResolvConfLook> of(Path resolvConf) {
        return untilStill(() -> once(resolvConf));
    }

    /** {@code look} until it gives one, as {@link #of} takes it again. */
    static Optional<ResolvConfLook> untilStill(Supplier<Optional<ResolvConfLook>> look) {
        for (int attempt = 1; ; attempt++) {
            Optional<ResolvConfLook> taken = look.get();
            if (taken.isPresent() || attempt == ATTEMPTS) {
                return taken;
            }
            try {
                Thread.sleep(PAUSE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return taken;
            }
        }
    }

    /** Empty where the path changed between its lstat and the open (a file swapped for another, a link replaced). */
    private static Optional<ResolvConfLook> once(Path resolvConf) {
        BasicFileAttributes seen;
        String target;
        try {
            seen = Files.readAttributes(resolvConf, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            LinkDestination.Walk walk = seen.isSymbolicLink()
                    ? LinkDestination.walk(resolvConf, Files.readSymbolicLink(resolvConf).toString()) : null;
            target = walk == null ? null : walk.path().toString();
            if (walk != null && walk.circles()) {
                return Optional.of(new ResolvConfLook(target, null, null)); // as a dangling link: no file there
            }
        } catch (NoSuchFileException missing) {
            return Optional.of(new ResolvConfLook(null, null, null));
        } catch (IOException e) {
            return Optional.empty();
        }
        ResolvConfLook look;
        Object opened = null;
        try {
            RegularFiles.Contents c = RegularFiles.readAtMost(resolvConf, (int) FileItemStore.MAX_BYTES);
            opened = c.fileKey();
            look = new ResolvConfLook(target, FileType.REGULAR, c.bytes());
        } catch (NotRegularFileException e) {
            look = new ResolvConfLook(target, e.type(), null, NullDevice.is(resolvConf, e.type()));
        } catch (NoSuchFileException e) {
            look = new ResolvConfLook(target, null, null);
        } catch (IOException e) {
            look = new ResolvConfLook(target, FileType.REGULAR, null); // unreadable to this user, or too large
        }
        return sameAsSeen(seen, look, opened) ? Optional.of(look) : Optional.empty();
    }

    /** Did the open find what the lstat saw: the same file where it is none, the link's target where it is one? */
    private static boolean sameAsSeen(BasicFileAttributes seen, ResolvConfLook look, Object opened) {
        if (seen.isSymbolicLink()) {
            return ledTo(Path.of(look.linkTarget()), look, opened);
        }
        if (look.type() == null || seen.isRegularFile() != (look.type() == FileType.REGULAR)) {
            return false;
        }
        return opened == null || opened.equals(seen.fileKey());
    }

    /**
     * Is what was opened the link's target as it is now (not a file put in the link's place meanwhile)? By inode, not
     * by the link's own, which a new link may reuse at once.
     */
    private static boolean ledTo(Path target, ResolvConfLook look, Object opened) {
        try {
            FileType there = FileType.of(target);
            return there == look.type() && (opened == null
                    || opened.equals(Files.readAttributes(target, BasicFileAttributes.class).fileKey()));
        } catch (NoSuchFileException e) {
            return look.type() == null;
        } catch (IOException e) {
            return false;
        }
    }

    boolean isLink() {
        return linkTarget != null;
    }

    /** The lines of what was read; {@link ResolvConfLines#NONE} for no regular file, or one not UTF-8 or unreadable. */
    ResolvConfLines lines() {
        if (bytes == null) {
            return ResolvConfLines.NONE;
        }
        try {
            return ResolvConfLines.parse(RegularFiles.utf8(bytes));
        } catch (CharacterCodingException e) {
            return ResolvConfLines.NONE; // as every reader of the file takes it (ResolvConfLines.read)
        }
    }
}
