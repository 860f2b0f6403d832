package org.port853.capture;

/**
 * Who holds a socket: {@code program} and {@code pid} when its process was found (else null and 0: it exited, or it is
 * another user's and this process may not read its fds), always the socket's owner {@code uid} and that user's name
 * ("" when it has none).
 */
public record SocketHolder(String program, long pid, int uid, String user) {
    /** "dig (812)", else "uid 1000 (alice)" (or "uid 1000"). */
    public String text() {
        if (program != null) {
            return program + " (" + pid + ")";
        }
        return user.isEmpty() ? "uid " + uid : "uid " + uid + " (" + user + ")";
    }
}
