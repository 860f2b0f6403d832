package org.port853.platform.linux;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.port853.change.AtomicFiles;
import org.port853.change.ItemSnapshot;
import org.port853.change.ItemStore;
import org.port853.core.Utf8Bytes;

/**
 * Linux files as engine items ({@code "file:" + absolute path}): atomic rename with fsync, and the metadata a
 * restore must bring back too: mode, owner, group, a symlink's target, and the SELinux label where SELinux is
 * enabled (a temp file and a rename would otherwise leave the new file with the directory's default label).
 * Text is kept readable; anything that is not valid UTF-8 is kept as {@code base64:}.
 */
public final class FileItemStore implements ItemStore {
    public static final String PREFIX = "file:";
    public static final String MODE = "mode";
    public static final String OWNER = "owner";
    public static final String GROUP = "group";
    public static final String SELINUX = "selinux";
    public static final String SYMLINK = "symlink";
    static final String BASE64 = "base64:";
    /** Files larger than this are not ours to snapshot; refusing is safer than truncating. */
    static final long MAX_BYTES = 256 * 1024;
    private static final Set<PosixFilePermission> DEFAULT_MODE = AtomicFiles.PUBLIC;

    private final Set<Path> owned;
    private final SelinuxLabels labels;

    public FileItemStore(Set<Path> owned) {
        this(owned, SelinuxLabels.system());
    }

    FileItemStore(Set<Path> owned, SelinuxLabels labels) {
        this.owned = Set.copyOf(owned);
        this.labels = labels;
    }

    public static String key(Path p) {
        return PREFIX + p.toAbsolutePath().normalize();
    }

    public static Path path(String key) {
        if (!key.startsWith(PREFIX)) {
            throw new IllegalArgumentException(key + " is not a file item");
        }
        return Path.of(key.substring(PREFIX.length()));
    }

    public static ItemSnapshot absent(Path p) {
        return new ItemSnapshot(key(p), false, null, Map.of());
    }

    /** A regular file with this text and mode 0644, the way Port853 writes its own files. */
    public static ItemSnapshot file(Path p, String text) {
        return new ItemSnapshot(key(p), true, text, Map.of(MODE, "0644"));
    }

    public static ItemSnapshot symlink(Path p, String target) {
        return new ItemSnapshot(key(p), true, null, Map.of(SYMLINK, target));
    }

    /** The symlink target of a snapshot, or null for a regular or absent file. */
    public static String symlinkTarget(ItemSnapshot s) {
        return s.attributes() == null ? null : s.attributes().get(SYMLINK);
    }

    /** A snapshot's bytes: its text, or the decoded {@code base64:} content. */
    public static byte[] bytes(ItemSnapshot s) {
        String c = s.content() == null ? "" : s.content();
        return c.startsWith(BASE64) ? Base64.getDecoder().decode(c.substring(BASE64.length()))
                : c.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean owns(String key) {
        return key.startsWith(PREFIX) && owned.contains(path(key));
    }

    @Override
    public ItemSnapshot read(String key) throws IOException {
        return read(path(key), labels);
    }

    /** Reads any file, owned or not (for previews and for the engine's before-state). */
    public static ItemSnapshot read(Path p) throws IOException {
        return read(p, SelinuxLabels.system());
    }

    private static ItemSnapshot read(Path p, SelinuxLabels labels) throws IOException {
        if (Files.isSymbolicLink(p)) {
            return symlink(p, Files.readSymbolicLink(p).toString());
        }
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return absent(p);
        }
        if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(p + " is not a regular file");
        }
        if (Files.size(p) > MAX_BYTES) {
            throw new IOException(p + " is larger than " + MAX_BYTES / 1024 + " KiB");
        }
        Object seen = Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                .fileKey();
        // one open that cannot wait on a pipe put there meanwhile, of the very file looked at (not a link made since)
        org.port853.core.RegularFiles.Contents read = org.port853.core.RegularFiles.readAtMost(p, (int) MAX_BYTES);
        if (!read.fileKey().equals(seen)) {
            throw new IOException(p + " was replaced while it was read");
        }
        byte[] bytes = read.bytes();
        String content = Utf8Bytes.decode(bytes).orElseGet(() -> BASE64 + Base64.getEncoder().encodeToString(bytes));
        Map<String, String> attributes = new LinkedHashMap<>();
        PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        attributes.put(MODE, octal(a.permissions()));
        attributes.put(OWNER, a.owner().getName());
        attributes.put(GROUP, a.group().getName());
        labels.read(p).ifPresent(l -> attributes.put(SELINUX, l));
        return new ItemSnapshot(key(p), true, content, attributes);
    }

    @Override
    public void write(ItemSnapshot target) throws IOException {
        Path p = path(target.key());
        if (!target.present()) {
            AtomicFiles.delete(p);
            return;
        }
        String link = symlinkTarget(target);
        if (link != null) {
            AtomicFiles.symlink(p, link);
            return;
        }
        Map<String, String> attrs = target.attributes() == null ? Map.of() : target.attributes();
        Set<PosixFilePermission> mode = attrs.containsKey(MODE) ? fromOctal(attrs.get(MODE)) : DEFAULT_MODE;
        AtomicFiles.replace(p, bytes(target), mode, temp -> setOwnership(temp, attrs.get(OWNER), attrs.get(GROUP)));
        String label = attrs.get(SELINUX);
        if (label != null) {
            labels.restore(p, label); // after the rename: the new inode got the directory's default label
        }
    }

    private static void setOwnership(Path temp, String owner, String group) throws IOException {
        if (owner == null && group == null) {
            return;
        }
        PosixFileAttributeView view = Files.getFileAttributeView(temp, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        UserPrincipalLookupService names = temp.getFileSystem().getUserPrincipalLookupService();
        PosixFileAttributes now = view.readAttributes();
        if (owner != null && !owner.equals(now.owner().getName())) {
            UserPrincipal u = names.lookupPrincipalByName(owner);
            view.setOwner(u);
        }
        if (group != null && !group.equals(now.group().getName())) {
            GroupPrincipal g = names.lookupPrincipalByGroupName(group);
            view.setGroup(g);
        }
    }

    static String octal(Set<PosixFilePermission> perms) {
        int bits = 0;
        for (PosixFilePermission x : perms) {
            bits |= 1 << (8 - x.ordinal());
        }
        return String.format("%04o", bits);
    }

    static Set<PosixFilePermission> fromOctal(String text) throws IOException {
        int bits;
        try {
            bits = Integer.parseInt(text, 8);
        } catch (NumberFormatException e) {
            throw new IOException("the recorded mode '" + text + "' is not an octal number");
        }
        StringBuilder s = new StringBuilder();
        String letters = "rwxrwxrwx";
        for (int i = 0; i < 9; i++) {
            s.append((bits & (1 << (8 - i))) != 0 ? letters.charAt(i) : '-');
        }
        return PosixFilePermissions.fromString(s.toString());
    }
}
