package org.port853.platform.windows;

/**
 * A yes or no as Windows shows it: yes, no, or a word netsh printed that Port853 does not know as either in the
 * language of this Windows ({@link #word}, as printed). Reading keeps such a word instead of failing, so that Port853 can
 * still take back its own change; whatever must know the value treats it as unknown and says the word.
 */
public record YesNo(Boolean value, String word) {
    public static final YesNo YES = new YesNo(true, null);
    public static final YesNo NO = new YesNo(false, null);

    public static YesNo of(boolean value) {
        return value ? YES : NO;
    }

    public static YesNo unrecognised(String word) {
        return new YesNo(null, word);
    }

    public boolean recognised() {
        return value != null;
    }

    /** A yes Port853 recognised: an unrecognised word is no yes. */
    public boolean isYes() {
        return Boolean.TRUE.equals(value);
    }

    /** A no Port853 recognised: an unrecognised word is no no. */
    public boolean isNo() {
        return Boolean.FALSE.equals(value);
    }

    /** As the item contents hold it: true, false, or the word as printed. */
    Object json() {
        return recognised() ? value : word;
    }
}
