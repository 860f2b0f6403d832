package org.port853.core;

/** Texts of the user's own providers file, for tests. */
public final class ProviderFiles {
    private ProviderFiles() {
    }

    /** A valid file of {@code count} providers, own-1 to own-N, each with its own test address. */
    public static String withProviders(int count) {
        StringBuilder b = new StringBuilder("{\"version\": 1, \"providers\": [");
        for (int i = 1; i <= count; i++) {
            b.append(i == 1 ? "" : ",\n").append("{\"id\": \"own-").append(i).append("\", \"displayName\": \"Own ")
                    .append(i).append("\", \"ipv4\": [\"198.18.").append(i / 250).append('.').append(i % 250 + 1)
                    .append("\"], \"tlsName\": \"dot.test\"}");
        }
        return b.append("]}").toString();
    }
}
