package org.port853.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * How many columns a text takes in a terminal, as {@code wcwidth(3)} counts them: East Asian wide and fullwidth
 * characters (CJK, Hangul, fullwidth forms, emoji) take two, combining marks and other zero-width characters none,
 * the rest one. Tables pad and cut by this, not by {@code String.length()}, so a provider named 日本DNS keeps its
 * columns ({@link TextTable}).
 */
final class TerminalColumns {
    /**
     * First and last code point of each run of East Asian Width W and F (Unicode 14.0's EastAsianWidth.txt, which
     * glibc 2.36's {@code wcwidth} follows), two runs joined where only unassigned code points lie between them, and
     * the unassigned rest of the ideograph blocks and planes, which that file gives W by default.
     */
    private static final int[][] WIDE = {
            {0x1100, 0x115f}, {0x231a, 0x231b}, {0x2329, 0x232a}, {0x23e9, 0x23ec}, {0x23f0, 0x23f0},
            {0x23f3, 0x23f3}, {0x25fd, 0x25fe}, {0x2614, 0x2615}, {0x2648, 0x2653}, {0x267f, 0x267f},
            {0x2693, 0x2693}, {0x26a1, 0x26a1}, {0x26aa, 0x26ab}, {0x26bd, 0x26be}, {0x26c4, 0x26c5},
            {0x26ce, 0x26ce}, {0x26d4, 0x26d4}, {0x26ea, 0x26ea}, {0x26f2, 0x26f3}, {0x26f5, 0x26f5},
            {0x26fa, 0x26fa}, {0x26fd, 0x26fd}, {0x2705, 0x2705}, {0x270a, 0x270b}, {0x2728, 0x2728},
            {0x274c, 0x274c}, {0x274e, 0x274e}, {0x2753, 0x2755}, {0x2757, 0x2757}, {0x2795, 0x2797},
            {0x27b0, 0x27b0}, {0x27bf, 0x27bf}, {0x2b1b, 0x2b1c}, {0x2b50, 0x2b50}, {0x2b55, 0x2b55},
            {0x2e80, 0x303e}, {0x3041, 0x3247}, {0x3250, 0x4dbf}, {0x4e00, 0xa4c6}, {0xa960, 0xa97c},
            {0xac00, 0xd7a3}, {0xf900, 0xfaff}, {0xfe10, 0xfe19}, {0xfe30, 0xfe6b}, {0xff01, 0xff60},
            {0xffe0, 0xffe6}, {0x16fe0, 0x1b2fb}, {0x1f004, 0x1f004}, {0x1f0cf, 0x1f0cf}, {0x1f18e, 0x1f18e},
            {0x1f191, 0x1f19a}, {0x1f200, 0x1f320}, {0x1f32d, 0x1f335}, {0x1f337, 0x1f37c}, {0x1f37e, 0x1f393},
            {0x1f3a0, 0x1f3ca}, {0x1f3cf, 0x1f3d3}, {0x1f3e0, 0x1f3f0}, {0x1f3f4, 0x1f3f4}, {0x1f3f8, 0x1f43e},
            {0x1f440, 0x1f440}, {0x1f442, 0x1f4fc}, {0x1f4ff, 0x1f53d}, {0x1f54b, 0x1f54e}, {0x1f550, 0x1f567},
            {0x1f57a, 0x1f57a}, {0x1f595, 0x1f596}, {0x1f5a4, 0x1f5a4}, {0x1f5fb, 0x1f64f}, {0x1f680, 0x1f6c5},
            {0x1f6cc, 0x1f6cc}, {0x1f6d0, 0x1f6d2}, {0x1f6d5, 0x1f6df}, {0x1f6eb, 0x1f6ec}, {0x1f6f4, 0x1f6fc},
            {0x1f7e0, 0x1f7f0}, {0x1f90c, 0x1f93a}, {0x1f93c, 0x1f945}, {0x1f947, 0x1f9ff}, {0x1fa70, 0x1faf6},
            {0x20000, 0x3fffd}};

    /**
     * Format characters that are seen, as {@code wcwidth} counts them: the soft hyphen, and the prepended concatenation
     * marks (Arabic number signs and the like), which are drawn beneath the digits that follow.
     */
    private static final int[][] VISIBLE_FORMAT = {
            {0xad, 0xad}, {0x600, 0x605}, {0x6dd, 0x6dd}, {0x70f, 0x70f}, {0x890, 0x891}, {0x8e2, 0x8e2},
            {0x110bd, 0x110bd}, {0x110cd, 0x110cd}};

    /** Hangul medial vowels and final consonants: they join the syllable begun before them. */
    private static final int[][] JOINING_JAMO = {{0x1160, 0x11ff}, {0xd7b0, 0xd7ff}};

    /** How wide a terminal is taken to be: the command line's tables fit in this many columns. */
    static final int LINE = 80;

    private static final String CUT = "…";

    private TerminalColumns() {
    }

    static int of(String text) {
        return text.codePoints().map(TerminalColumns::of).sum();
    }

    /**
     * {@code text} if it takes at most {@code columns} columns, else as much of it as fits before a final "…" in that
     * many. A character stays with the zero-width ones that follow it (combining marks, variation selectors), or is
     * left out with them: a cut never splits a surrogate pair, nor keeps a letter without its accent.
     */
    static String cut(String text, int columns) {
        if (of(text) <= columns) {
            return text;
        }
        return text.substring(0, fitting(text, columns - of(CUT))) + CUT;
    }

    /**
     * {@code text} in lines of at most {@code columns} columns, broken at spaces; a word wider than that is broken
     * between its characters (never inside one, as {@link #cut}).
     */
    static List<String> wrap(String text, int columns) {
        List<String> lines = new ArrayList<>();
        String line = "";
        for (String word : text.strip().split(" +")) {
            String joined = line.isEmpty() ? word : line + " " + word;
            if (of(joined) <= columns) {
                line = joined;
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line);
            }
            line = word;
            for (int end = fitting(line, columns); end > 0 && end < line.length(); end = fitting(line, columns)) {
                lines.add(line.substring(0, end));
                line = line.substring(end);
            }
        }
        lines.add(line);
        return lines;
    }

    /** The end of the longest start of {@code text}, in whole characters, that takes at most {@code columns}. */
    private static int fitting(String text, int columns) {
        int used = 0;
        int end = 0;
        while (end < text.length()) {
            int next = org.port853.core.Graphemes.next(text, end);
            int width = of(text.substring(end, next));
            if (used + width > columns) {
                break;
            }
            used += width;
            end = next;
        }
        return end;
    }

    static int of(int codePoint) {
        int type = Character.getType(codePoint);
        boolean unseenKind = type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.FORMAT;
        if (unseenKind && !in(VISIBLE_FORMAT, codePoint) || in(JOINING_JAMO, codePoint)) {
            return 0;
        }
        return in(WIDE, codePoint) ? 2 : 1;
    }

    private static boolean in(int[][] ranges, int codePoint) {
        int low = 0;
        int high = ranges.length - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (codePoint < ranges[mid][0]) {
                high = mid - 1;
            } else if (codePoint > ranges[mid][1]) {
                low = mid + 1;
            } else {
                return true;
            }
        }
        return false;
    }
}
