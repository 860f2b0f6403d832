package org.port853.core;

/** What one platform adds to {@link ResolverState} beyond the neutral fields (Linux: systemd version, resolv.conf,
 *  drop-ins; Windows: build, encryption entries, NRPT, policies). */
public interface PlatformDetails {
    String platformId();
}
