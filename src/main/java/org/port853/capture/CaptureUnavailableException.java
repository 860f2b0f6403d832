package org.port853.capture;

import org.port853.core.Printable;
import org.port853.core.Words;

/**
 * Live capture cannot start here: {@link #reason()} says what is missing, {@link #fix()} how to get it, both in plain
 * English; {@link #words()} names the same for the window to say in the user's language (null: no wording).
 */
public final class CaptureUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String reason;
    private final String fix;
    private Words words;

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

    /** The interface someone named does not exist; {@code fix} says how to find those that do. */
    public static CaptureUnavailableException noSuchInterface(String name, String fix, Throwable cause) {
        String shown = "'" + Printable.of(name) + "'";
        return new CaptureUnavailableException("No such network interface: " + shown + ".", fix, cause)
                .says("no-such-interface", shown);
    }

    /** The interface someone named exists but is down: libpcap cannot capture on it until it is up. */
    public static CaptureUnavailableException interfaceDown(String name, Throwable cause) {
        String shown = "'" + Printable.of(name) + "'";
        return new CaptureUnavailableException("The network interface " + shown + " is down.",
                "Bring it up (Linux: sudo ip link set " + Printable.of(name) + " up), or capture on all interfaces "
                        + "(name none).", cause).says("interface-down", shown, Printable.of(name));
    }

    public String reason() {
        return reason;
    }

    public String fix() {
        return fix;
    }

    /** This exception, said by {@code wording} with its {@code details} (in the wording's order). */
    public CaptureUnavailableException says(String wording, Object... details) {
        this.words = Words.of(wording, details);
        return this;
    }

    public Words words() {
        return words;
    }
}
