package org.port853.change;

/** The recorded state of one item of system configuration that the engine may change and restore:
 *  a file on Linux; an encryption entry, an NRPT rule, an adapter's server list or a global flag on Windows.
 *  {@code key} is stable and unique per item, e.g. "file:/etc/systemd/resolved.conf.d/zz-port853.conf",
 *  "win:doh:9.9.9.9", "win:nrpt:port853", "win:adapter:{GUID}:ipv4", "win:global:dot".
 *  {@code present == false} means the item does not exist (restore = remove it).
 *  {@code content} is the item's full value as text (UTF-8 text, or "base64:" + base64 for other bytes;
 *  a canonical JSON object for Windows items). {@code attributes} hold metadata that a restore must bring
 *  back too (Linux: "mode", "owner", "group", "selinux", "symlink"-target; Windows: none or item-specific). */
public record ItemSnapshot(String key, boolean present, String content, java.util.Map<String, String> attributes) {}
