package org.port853.core;

/**
 * Input from a user, a file or a caller that cannot be used; the message is one sentence for people, in English
 * (the command line says it as it is). {@link #words()} names the same sentence for the window to say in the user's
 * language: its details in order, then, when {@link #about} named one, the subject first, and when the sentence
 * wraps another refusal ({@link #because()}), that one's words last. Null words: the window says the English.
 */
public class InvalidInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private Words words;
    private String subject;

    public InvalidInputException(String message) {
        super(message);
    }

    /** A refusal that says more about {@code because} (whose words the window says inside this one's). */
    public InvalidInputException(String message, InvalidInputException because) {
        super(message, because);
    }

    /** This refusal, said by {@code wording} with its {@code details} (in the wording's order). */
    public InvalidInputException says(String wording, Object... details) {
        this.words = Words.of(wording, details);
        return this;
    }

    /**
     * The thing this refusal is about, as the English names it ("TLS name"): the window says the term
     * {@link #subject()} ("tls-name") in its language before the details; for checks shared by several fields.
     */
    public InvalidInputException about(String what) {
        this.subject = what.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
        return this;
    }

    /** This refusal, said as {@code other} is (its words, subject and wrapped refusal stay {@code other}'s). */
    protected final void saysAs(InvalidInputException other) {
        this.words = other.words;
        this.subject = other.subject;
        if (other.because() != null) {
            initCause(other.because());
        }
    }

    public Words words() {
        return words;
    }

    public String subject() {
        return subject;
    }

    /** The refusal this one wraps, or null. */
    public InvalidInputException because() {
        return getCause() instanceof InvalidInputException e ? e : null;
    }
}
