package org.port853.change;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * An {@link ItemSnapshot} without its content: its SHA-256 instead, so that it can be shown to readers without
 * privileges. {@link #matchedBy} answers what {@link ItemSnapshots#satisfies} answers for the snapshot it came from.
 */
public record ItemFingerprint(String key, boolean present, String sha256, Map<String, String> attributes) {
    public ItemFingerprint {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    public static ItemFingerprint of(ItemSnapshot s) {
        return new ItemFingerprint(s.key(), s.present(), sha256(s.content()),
                ItemSnapshots.attributes(s));
    }

    /** {@code actual} is in the state this fingerprint was taken of. */
    public boolean matchedBy(ItemSnapshot actual) {
        if (actual.present() != present) {
            return false;
        }
        return !present || java.util.Objects.equals(sha256, sha256(actual.content()))
                && ItemSnapshots.hasAttributes(actual, attributes);
    }

    /** Null for no content (a symbolic link, an absent item), as a snapshot has none. */
    private static String sha256(String content) {
        if (content == null) {
            return null;
        }
        try {
            byte[] text = content.getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
