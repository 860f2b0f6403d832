package org.port853.platform;

import java.util.List;

/**
 * One file's content before and after; null content means "absent". {@code name}: how texts a user reads name it, where
 * its path is an item key no one should read (a Windows setting); null where the path says it.
 */
public record FileChange(String path, String before, String after, String name) {
    public FileChange(String path, String before, String after) {
        this(path, before, after, null);
    }

    /** The file or setting as previews name it. */
    public String shown() {
        return name != null ? name : path;
    }

    public boolean changes() {
        return before == null ? after != null : !before.equals(after);
    }

    /** A simple line diff: removed lines with "-", added with "+", kept with " "; where lines change, "-" first. */
    public String diff() {
        if (!changes()) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        b.append("--- ").append(before == null ? "/dev/null" : shown()).append('\n');
        b.append("+++ ").append(after == null ? "/dev/null" : shown()).append('\n');
        List<String> old = lines(before);
        List<String> neu = lines(after);
        int[][] lcs = new int[old.size() + 1][neu.size() + 1];
        for (int i = old.size() - 1; i >= 0; i--) {
            for (int j = neu.size() - 1; j >= 0; j--) {
                lcs[i][j] = old.get(i).equals(neu.get(j)) ? lcs[i + 1][j + 1] + 1
                        : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < old.size() || j < neu.size()) {
            if (i < old.size() && j < neu.size() && old.get(i).equals(neu.get(j))) {
                b.append(' ').append(old.get(i++)).append('\n');
                j++;
            } else if (i < old.size() && (j == neu.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
                b.append('-').append(old.get(i++)).append('\n');
            } else {
                b.append('+').append(neu.get(j++)).append('\n');
            }
        }
        return b.toString();
    }

    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : List.of(text.split("\n", -1)).subList(0,
                text.endsWith("\n") ? text.split("\n", -1).length - 1 : text.split("\n", -1).length);
    }
}
