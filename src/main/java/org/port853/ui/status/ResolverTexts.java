package org.port853.ui.status;

import org.port853.core.ResolverState;
import org.port853.ui.common.I18n;
import org.port853.ui.common.Slugs;

/**
 * The resolver's name and version in the window's language: {@code resolver.<name>} (a demo's " (demo)" said by
 * {@code resolver.demo}) and the platform's version words ({@code platform.<wording>}); a name or version the bundles
 * do not know is said as the adapter says it (program names such as systemd-resolved stay as they are).
 */
final class ResolverTexts {
    private static final String DEMO = " (demo)";

    private ResolverTexts() {
    }

    static String name(ResolverState s) {
        String name = s.resolverName() == null ? "" : s.resolverName();
        boolean demo = name.endsWith(DEMO);
        String plain = demo ? name.substring(0, name.length() - DEMO.length()) : name;
        String key = "resolver." + Slugs.of(plain);
        String said = I18n.has(key) ? I18n.t(key) : plain;
        return demo ? I18n.t("resolver.demo", said) : said;
    }

    /** "systemd 252", "Windows-Build 22631 (23H2)"; "" when unknown. */
    static String version(ResolverState s) {
        String english = s.platform().versionText();
        return english == null ? "" : I18n.said("platform.", s.platform().versionWords(), "", english);
    }
}
