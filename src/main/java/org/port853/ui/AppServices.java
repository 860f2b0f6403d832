package org.port853.ui;

import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.port853.capture.CaptureSession;
import org.port853.capture.CaptureSessions;
import org.port853.core.ProviderCatalog;
import org.port853.core.XdgDirs;
import org.port853.platform.ResolverAdapter;
import org.port853.platform.ResolverAdapters;
import org.port853.platform.demo.DemoResolverAdapter;
import org.port853.probe.QuerySender;
import org.port853.probe.SystemResolverQuerySender;
import org.port853.probe.pins.ServerPins;
import org.port853.ui.common.Notifier;
import org.port853.ui.providers.ProviderSource;

/**
 * Everything the window talks to outside the JVM. Tests replace only these edges (adapter, capture, probe,
 * notifier); the views and view-models are always the real ones.
 *
 * @param adapter   the resolver adapter (never null; an "unavailable" adapter when there is none)
 * @param capture   makes a capture session (live, replay or demo); not started
 * @param probe     sends test queries through the system resolver (Verify)
 * @param providers the provider catalogue and the user's own providers
 * @param configDir where preferences are kept
 * @param executor  runs all system work, never on the JavaFX thread
 * @param notifier  desktop notifications
 * @param demo      true when everything above is simulated; the window says so
 * @param pins      the user's server pins (recorded after apply, watched); null: none (demo, tests), so a
 *                  simulated apply never probes a real provider
 */
public record AppServices(ResolverAdapter adapter, CaptureFactory capture, QuerySender probe,
                          ProviderSource providers, Path configDir, Executor executor, Notifier notifier,
                          boolean demo, ServerPins pins) {

    public AppServices(ResolverAdapter adapter, CaptureFactory capture, QuerySender probe, ProviderSource providers,
                       Path configDir, Executor executor, Notifier notifier, boolean demo) {
        this(adapter, capture, probe, providers, configDir, executor, notifier, demo, null);
    }

    /** Creates a capture session; called once per window. */
    @FunctionalInterface
    public interface CaptureFactory {
        CaptureSession create();
    }

    /** One per process: the desktop's notification service keeps its session bus connection for the app's life. */
    private static final class Desktop {
        static final Notifier NOTIFIER = org.port853.ui.common.DesktopNotifications.forThisPlatform();
    }

    private static final java.time.Duration PIN_TIMEOUT = java.time.Duration.ofSeconds(3);

    /** The real machine: detected adapter, live capture on all interfaces, real probe. */
    public static AppServices forSystem() {
        return new AppServices(new LazyResolverAdapter(ResolverAdapters::detect), () -> CaptureSessions.live(null),
                new SystemResolverQuerySender(), ProviderSource.system(), XdgDirs.config(), newExecutor(),
                Desktop.NOTIFIER, false, ServerPins.system(() -> ProviderCatalog.loadDefault().all(), PIN_TIMEOUT));
    }

    /** Sample resolver state, bundled capture and simulated apply; nothing on this machine is changed. */
    public static AppServices forDemo() {
        return forDemo(new DemoResolverAdapter(), demoConfigDir(), Desktop.NOTIFIER);
    }

    /**
     * A demo on another platform's sample adapter (e.g. Windows, from bundled outputs): the bundled capture is
     * replayed; the adapter decides what apply does.
     */
    public static AppServices forDemo(ResolverAdapter adapter) {
        return forSampleDemo(adapter, demoConfigDir(), Desktop.NOTIFIER);
    }

    /** {@link #forDemo(ResolverAdapter)} with preferences in {@code configDir} and notifications to {@code notifier}. */
    public static AppServices forSampleDemo(ResolverAdapter adapter, Path configDir, Notifier notifier) {
        DemoProbe probe = new DemoProbe();
        return new AppServices(adapter, probe.captures(DemoCapture::create), probe, ProviderSource.inMemory(),
                configDir, newExecutor(), demoLabelled(notifier), true);
    }

    /** The demo's notifications say they come from the demo: a leak or an apply of the sample machine, not of this one. */
    static Notifier demoLabelled(Notifier n) {
        return new Notifier() {
            @Override
            public void notify(Kind kind, String title, String text) {
                n.notify(kind, org.port853.ui.common.I18n.t("demo.notify.title", title), text);
            }

            @Override
            public void notify(Kind kind, String title, String text, Runnable notShown) {
                n.notify(kind, org.port853.ui.common.I18n.t("demo.notify.title", title), text, notShown);
            }
        };
    }

    /** Demo mode saves nothing into the user's real configuration: its preferences live in a temporary folder. */
    static Path demoConfigDir() {
        return org.port853.core.ScratchFolders.create("port853-demo");
    }

    /** The Windows sample machine's capture: the bundled demo capture, replayed in real time and looping. */
    public static CaptureFactory windowsDemoCapture() {
        return DemoCapture::create;
    }

    /**
     * The Linux demo on {@code adapter} (e.g. one with a chosen apply delay, for screenshots): its capture and Verify
     * follow the adapter's state; preferences in {@code configDir}.
     */
    public static AppServices forDemo(DemoResolverAdapter adapter, Path configDir, Notifier notifier) {
        return linuxDemo(adapter, configDir, newExecutor(), notifier);
    }

    /** The Linux demo with this window's executor and notifier ("Open demo" from the real window). */
    public AppServices withDemo() {
        return linuxDemo(new DemoResolverAdapter(), demoConfigDir(), executor, notifier);
    }

    private static AppServices linuxDemo(DemoResolverAdapter adapter, Path configDir, Executor executor,
                                         Notifier notifier) {
        DemoProbe probe = new DemoProbe();
        return new AppServices(adapter, probe.captures(() -> DemoCapture.create(adapter)), probe,
                ProviderSource.inMemory(), configDir, executor, demoLabelled(notifier), true);
    }

    public static ExecutorService newExecutor() {
        return Executors.newFixedThreadPool(3, r -> {
            Thread t = new Thread(r, "port853-worker");
            t.setDaemon(true);
            return t;
        });
    }
}
