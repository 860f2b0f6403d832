package org.port853.cli;

import org.port853.core.InvalidInputException;
import org.port853.core.ServerAddress;

/** The server of one --server (or --fallback) value, refused with a hint where several were given in it at once. */
final class ServerOptionValue {
    private ServerOptionValue() {
    }

    /** @param option the option the value came with, as typed ("--server") */
    static ServerAddress parse(String option, String value) {
        if (value.isBlank()) { // "server is empty" left open which option, as from a script's unset variable
            throw new InvalidInputException(option + " was given no server: write it as IP#NAME, e.g. " + option
                    + " 198.51.100.1#dns.example");
        }
        try {
            return ServerAddress.parse(value);
        } catch (InvalidInputException e) {
            if (!looksLikeSeveralServers(value)) {
                throw e;
            }
            throw new InvalidInputException(e.getMessage() + "; give each server with its own " + option + " ("
                    + option + " IP#NAME " + option + " IP#NAME)", e);
        }
    }

    /** The text after the first comma is a server of its own: the comma separated servers, it was not a typo in one. */
    private static boolean looksLikeSeveralServers(String value) {
        int comma = value.indexOf(',');
        if (comma < 0) {
            return false;
        }
        String next = value.substring(comma + 1).split(",", -1)[0].strip();
        try {
            ServerAddress.parse(next);
            return true;
        } catch (InvalidInputException e) {
            return false;
        }
    }
}
