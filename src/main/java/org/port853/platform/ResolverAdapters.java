package org.port853.platform;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Picks the resolver adapter for this machine at start-up: every {@link ResolverAdapter} registered with
 * {@link ServiceLoader}, filtered by {@link ResolverAdapter#isSupported()} (which checks the operating system
 * first) and sorted by {@link ResolverAdapter#priority()}, like Cryptomator's IntegrationsLoader.
 */
public final class ResolverAdapters {
    private static final Logger LOG = Logger.getLogger(ResolverAdapters.class.getName());

    private ResolverAdapters() {
    }

    /** The supported adapter with the highest priority, or one that reports "no supported resolver". */
    public static ResolverAdapter detect() {
        return supported().stream().findFirst().orElseGet(UnsupportedResolverAdapter::new);
    }

    /** Every supported adapter, best first. */
    public static List<ResolverAdapter> supported() {
        return ServiceLoader.load(ResolverAdapter.class).stream().map(ResolverAdapters::instantiate)
                .filter(Objects::nonNull).filter(ResolverAdapters::supports)
                .sorted(Comparator.comparingInt(ResolverAdapter::priority).reversed()).toList();
    }

    private static ResolverAdapter instantiate(ServiceLoader.Provider<ResolverAdapter> p) {
        try {
            return p.get();
        } catch (ServiceConfigurationError | RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof NoClassDefFoundError missingLibrary) {
                    throw missingLibrary; // a jar copied without its lib/ folder: the launcher says which
                }
            }
            LOG.log(Level.WARNING, "resolver adapter " + p.type().getName() + " could not be created", e);
            return null;
        }
    }

    private static boolean supports(ResolverAdapter a) {
        try {
            return a.isSupported();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "resolver adapter " + a.id() + " failed its support check", e);
            return false;
        }
    }
}
