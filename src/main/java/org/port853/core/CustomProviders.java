package org.port853.core;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The user's own providers, one JSON file under the XDG config directory, validated with the catalogue's rules.
 * Writes are atomic (temporary file in the same directory, fsync, rename) and private (file 0600, directory 0700) and
 * keep the keys Port853 does not read ({@link UnknownFields});
 * a file that cannot be read is reported and never overwritten.
 */
public final class CustomProviders {
    public static final String FILE_NAME = "custom-providers.json";
    public static final int MAX_PROVIDERS = 100;
    /** The file's {@code version}; a higher one is refused, never rewritten (as the pin store does). */
    public static final int FORMAT_VERSION = 1;

    /** Guards {@link #update}: one read-modify-write of any custom provider file at a time in this process. */
    private static final Object UPDATES = new Object();

    private final Path file;

    public CustomProviders(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    public static CustomProviders inDefaultLocation() {
        return new CustomProviders(XdgDirs.config().resolve(FILE_NAME));
    }

    public Path file() {
        return file;
    }

    /**
     * The saved providers in file order (as {@link #read}); empty when the file does not exist.
     *
     * @throws Refused when the file exists but cannot be read or is not a valid provider list
     */
    public List<Provider> load() {
        return read().providers();
    }

    /** The providers as the file has them, ids and all. */
    private List<Provider> readFile() {
        if (Files.notExists(file, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        // neither there nor missing: a folder that may not be searched, whose reading below says "permission denied"
        // (Files.exists alone said "no file" there, and the user's providers vanished without a word)
        boolean known = Files.exists(file, LinkOption.NOFOLLOW_LINKS);
        if (known && !Files.isRegularFile(file)) {
            throw new Refused(file, "Custom providers file " + file + " is not a regular file.")
                    .says("custom-file.not-file", file);
        }
        List<Provider> providers;
        try (InputStream in = Files.newInputStream(file)) {
            providers = ProviderJson.readList(in, true);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (AccessDeniedException e) {
            throw new Refused(file, "Custom providers file " + file + " cannot be read: permission denied.")
                    .says("custom-file.denied", file);
        } catch (IOException e) {
            throw new Refused(file, "Custom providers file " + file + " cannot be read: " + e.getMessage() + ".")
                    .says("custom-file.unreadable", file, e.getMessage());
        } catch (InvalidInputException e) {
            throw new Refused(file, "Custom providers file " + file + " is not valid: " + e.getMessage() + ".", e)
                    .says("custom-file.invalid", file);
        }
        if (providers.size() > MAX_PROVIDERS) {
            // as a file over the size limit: all of it refused and left as it is, so no save writes a list cut short
            int over = providers.size() - MAX_PROVIDERS;
            throw new Refused(file, "Custom providers file " + file + " has " + providers.size() + " providers, more than the "
                    + MAX_PROVIDERS + " Port853 takes: remove " + EnglishCount.of(over, "provider") + " from it.")
                    .says("custom-file.too-many", file, providers.size(), MAX_PROVIDERS, over);
        }
        return providers;
    }

    /**
     * The saved providers in file order, and a provider whose id a later catalogue took (a Port853 update) is kept under a new id, the
     * first of its id numbered (-2, -3, ...) that is free, and named among {@link Loaded#renamed()}; the next save
     * writes it under that id.
     */
    public Loaded read() {
        List<Provider> providers = new ArrayList<>(readFile());
        Set<String> inFile = new java.util.HashSet<>();
        providers.forEach(p -> inFile.add(p.id()));
        ProviderCatalog bundled = ProviderCatalog.bundled();
        List<Renamed> renamed = new ArrayList<>();
        for (int i = 0; i < providers.size(); i++) {
            Provider p = providers.get(i);
            if (bundled.find(p.id()).isPresent()) {
                String id = ProviderIds.unique(p.id(), c -> bundled.find(c).isPresent() || inFile.contains(c));
                inFile.add(id);
                ObjectNode json = ProviderJson.toJson(p);
                json.put("id", id);
                providers.set(i, ProviderJson.fromJson(json, i + 1, true));
                renamed.add(new Renamed(p.id(), id, p.displayName()));
            }
        }
        return new Loaded(file, List.copyOf(providers), List.copyOf(renamed));
    }

    /** The providers of the file, under the ids they are used by, and those kept under a new id. */
    public record Loaded(Path file, List<Provider> providers, List<Renamed> renamed) {
        /** The id the file gives the provider that is used under {@code id}. */
        String idInFile(String id) {
            return renamed.stream().filter(r -> r.id().equals(id)).map(Renamed::idInFile).findFirst().orElse(id);
        }
    }

    /** A provider of the file whose id {@code idInFile} a later catalogue took, used under {@code id}. */
    public record Renamed(String idInFile, String id, String displayName) {
    }

    /**
     * Adds the provider, or replaces the saved one with the same id, after validating it again.
     *
     * @throws InvalidInputException when the provider is invalid; {@link Refused} when the existing file cannot be read
     *                               (it is then left as it is)
     * @throws UncheckedIOException  when the file cannot be written (the old file is then unchanged)
     */
    public void save(Provider p) {
        Objects.requireNonNull(p, "provider");
        Provider clean = ProviderJson.fromJson(ProviderJson.toJson(p), 1, true);
        if (ProviderCatalog.bundled().find(clean.id()).isPresent()) {
            throw idTaken(clean.id());
        }
        update(all -> {
            boolean replaced = false;
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).id().equals(clean.id())) {
                    all.set(i, clean);
                    replaced = true;
                }
            }
            if (!replaced) {
                if (all.size() >= MAX_PROVIDERS) {
                    throw new InvalidInputException("You already have " + MAX_PROVIDERS
                            + " custom providers; remove one first.").says("custom.too-many", MAX_PROVIDERS);
                }
                all.add(clean);
            }
            return true;
        });
    }

    /** Removes the provider with this id; returns false (and writes nothing) when there is none. */
    public boolean remove(String id) {
        return update(all -> all.removeIf(p -> p.id().equals(id)));
    }

    /**
     * Reads the list, lets {@code edit} change it and writes it when {@code edit} returns true, as one step: the
     * window saves on worker threads and the CLI may run beside it, and two overlapping read-then-write steps
     * would each write the list without the other's provider. One thread of this process at a time holds the
     * advisory lock (a second open-and-close of the lock file by this process would drop it).
     */
    private boolean update(java.util.function.Predicate<List<Provider>> edit) {
        synchronized (UPDATES) {
            Path dir = file.toAbsolutePath().getParent();
            try {
                ensurePrivateDirectory(dir);
                try (FileChannel ch = FileChannel.open(dir.resolve("." + FILE_NAME + ".lock"), Set.of(
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE), privateFile());
                     FileLock ignored = ch.lock()) {
                    Loaded loaded = read();
                    List<Provider> all = new ArrayList<>(loaded.providers());
                    if (!edit.test(all)) {
                        return false;
                    }
                    write(all, loaded, unknownFields());
                    return true;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not save custom providers to " + file + ": " + e.getMessage(), e);
            }
        }
    }

    /** The addresses as typed, one each: separated by commas or white space. */
    public static List<String> addressTokens(String addresses) {
        return java.util.Arrays.stream((addresses == null ? "" : addresses).strip().split("[,\\s]+"))
                .filter(t -> !t.isEmpty()).toList();
    }

    /** As {@link #validate(String, String, String, String, String)} without a DoH template. */
    public static Provider validate(String id, String displayName, String addresses, String tlsName) {
        return validate(id, displayName, addresses, tlsName, null);
    }

    /**
     * Checks what a person typed and returns a custom provider: filtering none, operator and jurisdiction
     * "user-defined". Addresses are IPv4 or IPv6 literals separated by commas or white space.
     *
     * @throws InvalidInputException with one sentence that names the field to fix
     */
    public static Provider validate(String id, String displayName, String addresses, String tlsName,
                                    String dohTemplate) {
        String trimmedId = id == null ? null : id.strip();
        try {
            ProviderJson.requireId(trimmedId);
        } catch (InvalidInputException e) {
            throw userError(new ProviderJson.FieldException("id", e));
        }
        try {
            ProviderJson.requireText(displayName, "display name");
        } catch (InvalidInputException e) {
            throw userError(new ProviderJson.FieldException("displayName", e));
        }
        List<String> v4 = new ArrayList<>();
        List<String> v6 = new ArrayList<>();
        for (String token : addressTokens(addresses)) {
            InetAddress a;
            try {
                a = ProviderJson.requireServerAddress(token);
                // refused when entered, not only when applied (a saved file that has one still loads)
                DesiredSettings.refuseResolvedStub(IpAddresses.format(a));
            } catch (InvalidInputException e) {
                throw new InvalidInputException(sentence("Address " + e.getMessage()), e).says("custom.address");
            }
            (a instanceof Inet4Address ? v4 : v6).add(IpAddresses.format(a));
        }
        if (v4.isEmpty() && v6.isEmpty()) {
            throw new InvalidInputException("Addresses are empty: enter at least one IPv4 or IPv6 address.")
                    .says("custom.no-address");
        }
        if (v4.size() + v6.size() > ProviderJson.MAX_ADDRESSES) {
            throw new InvalidInputException("Addresses: enter at most " + ProviderJson.MAX_ADDRESSES
                    + " addresses, not " + (v4.size() + v6.size()) + ".")
                    .says("custom.too-many-addresses", ProviderJson.MAX_ADDRESSES, v4.size() + v6.size());
        }
        Provider p;
        try {
            p = ProviderJson.build(trimmedId, displayName, v4, v6, tlsName == null ? null : tlsName.strip(),
                    dohTemplate == null ? null : dohTemplate.strip(), null, null, null, null, true);
        } catch (ProviderJson.FieldException e) {
            throw userError(e);
        }
        if (ProviderCatalog.bundled().find(p.id()).isPresent()) {
            throw idTaken(p.id());
        }
        return p;
    }

    private static InvalidInputException idTaken(String id) {
        return new InvalidInputException("Id '" + id + "' is already used by the built-in catalogue; choose another.")
                .says("custom.id-taken", id);
    }

    /**
     * The field's refusal as one sentence that names the field: where core's sentence starts with the field's name it
     * is kept ("custom.field"), else the field's name is put before it.
     */
    private static InvalidInputException userError(ProviderJson.FieldException e) {
        String msg = e.getMessage();
        switch (e.field) {
            case "ipv4":
            case "ipv6":
                return msg.startsWith("'") ? new InvalidInputException(sentence("Address " + msg), e)
                        .says("custom.address")
                        : new InvalidInputException(sentence("Addresses: " + msg), e).says("custom.addresses");
            case "id":
                return msg.startsWith("id ") ? new InvalidInputException(sentence("Id" + msg.substring(2)), e)
                        .says("custom.field")
                        : new InvalidInputException(sentence("Id: " + msg), e).says("custom.id");
            case "displayName":
                return msg.startsWith("display name")
                        ? new InvalidInputException(sentence("Display name" + msg.substring(12)), e)
                        .says("custom.field")
                        : new InvalidInputException(sentence("Display name: " + msg), e).says("custom.display-name");
            case "tlsName":
                return msg.startsWith("TLS name") ? new InvalidInputException(sentence(msg), e).says("custom.field")
                        : new InvalidInputException(sentence("TLS name: " + msg), e).says("custom.tls-name");
            case "dohTemplate":
                return msg.startsWith("DoH template") ? new InvalidInputException(sentence(msg), e).says("custom.field")
                        : new InvalidInputException(sentence("DoH template: " + msg), e).says("custom.doh-template");
            default:
                return new InvalidInputException(sentence(e.field + ": " + msg), e).says("custom.other-field", e.field);
        }
    }

    private static String sentence(String s) {
        return Sentence.ended(s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1));
    }

    /** Those of the file {@link #read} has just read (so it is a valid list), which a save writes back. */
    private UnknownFields unknownFields() throws IOException {
        try {
            return UnknownFields.of(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return UnknownFields.none();
        }
    }

    private void write(List<Provider> providers, Loaded loaded, UnknownFields unknown) {
        ObjectNode root = ProviderJson.mapper().createObjectNode();
        root.put("version", FORMAT_VERSION);
        ArrayNode list = root.putArray("providers");
        for (Provider p : providers) {
            ObjectNode entry = ProviderJson.toJson(p);
            unknown.addToProvider(loaded.idInFile(p.id()), entry);
            list.add(entry);
        }
        unknown.addToDocument(root);
        byte[] bytes;
        try {
            bytes = ProviderJson.mapper().writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path tmp = null;
        try {
            // a link (into a dotfiles folder) is kept: the file it points to is replaced, from its own folder
            Path dest = Files.isSymbolicLink(file) ? file.toRealPath() : file.toAbsolutePath();
            Path dir = dest.getParent();
            tmp = Files.createTempFile(dir, "." + FILE_NAME + ".", ".tmp", privateFile());
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            Files.move(tmp, dest, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            tmp = null;
            syncDirectory(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save custom providers to " + file + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort; the real file is unchanged
                }
            }
        }
    }

    /** Read and write for the owner only, where the file system has POSIX modes. */
    private static FileAttribute<?>[] privateFile() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[]{PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
    }

    private static void ensurePrivateDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(dir);
        }
    }

    /** Makes the rename durable; not every platform can open a directory, which is fine. */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // Windows cannot open directories; NTFS renames are journaled
        }
    }

    /** The file is there but cannot be read or is no valid provider list: it is left as it is, and nothing is saved. */
    public static final class Refused extends InvalidInputException {
        private static final long serialVersionUID = 1L;

        /** The file refused; transient, as a path is not serializable (the exception is, by its superclass). */
        private final transient Path file;

        Refused(Path file, String message) {
            super(message);
            this.file = file;
        }

        Refused(Path file, String message, InvalidInputException because) {
            super(message, because);
            this.file = file;
        }

        /** The file of the user's own providers that was refused, left as it is. */
        public Path file() {
            return file;
        }
    }
}
