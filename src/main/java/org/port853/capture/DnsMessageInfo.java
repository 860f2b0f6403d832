package org.port853.capture;

/**
 * The parts of a DNS message the capture records: header flags and the first question.
 *
 * @param name  first question name without the final dot, {@code ""} when there is no question
 * @param type  first question type mnemonic, {@code ""} when there is no question
 * @param rcode response code mnemonic (NOERROR, NXDOMAIN, ...)
 */
public record DnsMessageInfo(int id, boolean response, int opcode, String rcode, String name, String type) {
    public boolean nameReadable() {
        return !LeakRecord.UNREADABLE.equals(name);
    }
}
