package org.port853.probe.doctor;

/**
 * One diagnosis. {@code id} is stable (scripts and tests match on it); {@code server} names the server the
 * check is about, or is null for system-wide checks; {@code evidence} says what was seen, {@code fix} what to do,
 * both in plain words; {@code fixAction} names a fix Port853 can apply itself (see {@link FixActions}), or is null.
 */
public record Check(String id, CheckStatus status, String server, String evidence, String fix, String fixAction) {
    public static Check ok(String id, String server, String evidence) {
        return new Check(id, CheckStatus.OK, server, evidence, null, null);
    }

    public static Check warning(String id, String server, String evidence, String fix) {
        return new Check(id, CheckStatus.WARNING, server, evidence, fix, null);
    }

    public static Check failure(String id, String server, String evidence, String fix) {
        return new Check(id, CheckStatus.FAILURE, server, evidence, fix, null);
    }

    public Check withFixAction(String action) {
        return new Check(id, status, server, evidence, fix, action);
    }
}
