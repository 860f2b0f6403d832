package org.port853.capture;

/** Live capture cannot start here: {@link #reason()} says what is missing, {@link #fix()} how to get it. */
public final class CaptureUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String reason;
    private final String fix;

    public CaptureUnavailableException(String reason, String fix) {
        super(reason);
        this.reason = reason;
        this.fix = fix;
    }

    public CaptureUnavailableException(String reason, String fix, Throwable cause) {
        super(reason, cause);
        this.reason = reason;
        this.fix = fix;
    }

    public String reason() {
        return reason;
    }

    public String fix() {
        return fix;
    }
}
