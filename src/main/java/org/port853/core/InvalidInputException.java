package org.port853.core;

/** Input from a user, a file or a caller that cannot be used; the message is one sentence for people. */
public class InvalidInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }
}
