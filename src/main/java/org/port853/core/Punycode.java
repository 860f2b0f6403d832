package org.port853.core;

/**
 * RFC 3492 Punycode of one label, without the "xn--" prefix and without case annotation: "straße" is "strae-oqa".
 * java.net.IDN has its own but offers it only after IDNA2003's mapping, see {@link IdnNames}.
 */
final class Punycode {
    private static final int BASE = 36;
    private static final int TMIN = 1;
    private static final int TMAX = 26;
    private static final int SKEW = 38;
    private static final int DAMP = 700;
    private static final int INITIAL_BIAS = 72;
    private static final int INITIAL_N = 0x80;
    private static final char DELIMITER = '-';

    private Punycode() {
    }

    static String encode(String label) {
        int[] input = label.codePoints().toArray();
        StringBuilder out = new StringBuilder();
        for (int c : input) {
            if (c < INITIAL_N) {
                out.append((char) c);
            }
        }
        int basic = out.length();
        if (basic > 0) {
            out.append(DELIMITER);
        }
        int n = INITIAL_N;
        int bias = INITIAL_BIAS;
        long delta = 0;
        for (int handled = basic; handled < input.length; n++) {
            int m = Integer.MAX_VALUE;
            for (int c : input) {
                if (c >= n && c < m) {
                    m = c;
                }
            }
            delta = checked(delta + (long) (m - n) * (handled + 1));
            n = m;
            for (int c : input) {
                if (c < n) {
                    delta = checked(delta + 1);
                } else if (c == n) {
                    long q = delta;
                    for (int k = BASE; ; k += BASE) {
                        int t = threshold(k, bias);
                        if (q < t) {
                            break;
                        }
                        out.append(digit((int) (t + (q - t) % (BASE - t))));
                        q = (q - t) / (BASE - t);
                    }
                    out.append(digit((int) q));
                    bias = adapt(delta, handled + 1, handled == basic);
                    delta = 0;
                    handled++;
                }
            }
            delta++;
        }
        return out.toString();
    }

    /** The label an encoding stands for; throws IllegalArgumentException when it is not Punycode. */
    static String decode(String encoded) {
        int delimiter = encoded.lastIndexOf(DELIMITER);
        StringBuilder out = new StringBuilder();
        for (int j = 0; j < Math.max(delimiter, 0); j++) {
            char c = encoded.charAt(j);
            if (c >= INITIAL_N) {
                throw new IllegalArgumentException("Punycode with a non-ASCII character before its delimiter");
            }
            out.append(c);
        }
        int length = out.length();
        long n = INITIAL_N;
        long i = 0;
        int bias = INITIAL_BIAS;
        for (int in = delimiter > 0 ? delimiter + 1 : 0; in < encoded.length(); ) {
            long oldI = i;
            long w = 1;
            for (int k = BASE; ; k += BASE) {
                if (in >= encoded.length()) {
                    throw new IllegalArgumentException("Punycode that ends inside a number");
                }
                int digit = digitValue(encoded.charAt(in++));
                i = checked(i + digit * w);
                int t = threshold(k, bias);
                if (digit < t) {
                    break;
                }
                w = checked(w * (BASE - t));
            }
            length++;
            bias = adapt(i - oldI, length, oldI == 0);
            n = checked(n + i / length);
            i %= length;
            if (n > Character.MAX_CODE_POINT || n >= Character.MIN_SURROGATE && n <= Character.MAX_SURROGATE) {
                throw new IllegalArgumentException("Punycode for a value that is not a character");
            }
            out.insert(out.offsetByCodePoints(0, (int) i), Character.toChars((int) n));
            i++;
        }
        return out.toString();
    }

    private static int threshold(int k, int bias) {
        return k <= bias ? TMIN : Math.min(k - bias, TMAX);
    }

    private static int adapt(long delta, int points, boolean first) {
        delta = first ? delta / DAMP : delta / 2;
        delta += delta / points;
        int k = 0;
        while (delta > ((BASE - TMIN) * TMAX) / 2) {
            delta /= BASE - TMIN;
            k += BASE;
        }
        return (int) (k + (BASE - TMIN + 1) * delta / (delta + SKEW));
    }

    private static char digit(int d) {
        return (char) (d < 26 ? 'a' + d : '0' + d - 26);
    }

    private static int digitValue(char c) {
        if (c >= 'a' && c <= 'z') return c - 'a';
        if (c >= 'A' && c <= 'Z') return c - 'A';
        if (c >= '0' && c <= '9') return c - '0' + 26;
        throw new IllegalArgumentException("Punycode with a character that is not a digit");
    }

    private static long checked(long value) {
        if (value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("Punycode overflow");
        }
        return value;
    }
}
