package org.port853.capture;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Which libpcap devices a live capture opens. libpcap on Linux has the {@code any} device ({@link #ANY}); other
 * platforms (Npcap on Windows has no {@code any}) register an implementation with {@link ServiceLoader}
 * (META-INF/services), picked like the resolver adapters: supported, then highest priority. Capture and the faces
 * name no platform class.
 */
public interface CaptureDevices {
    /** libpcap's {@code any} device with the SLL2 link type, which keeps each frame's interface index. */
    CaptureDevices ANY = new CaptureDevices() {
        @Override
        public boolean isSupported() {
            return true;
        }

        @Override
        public List<CaptureDevice> all() {
            return List.of(new CaptureDevice("any", "any", LinkTypes.LINUX_SLL2, false));
        }

        @Override
        public CaptureDevice named(String name) {
            return CaptureDevice.of(name, name);
        }
    };

    /** Quick and never throwing: does this choice apply to this machine (checks the operating system first)? */
    boolean isSupported();

    /** Among supported implementations the highest priority wins. */
    default int priority() {
        return 0;
    }

    /**
     * The devices that together carry this machine's DNS traffic, at least one. May block (it reads the
     * machine's adapters): call it off the JavaFX thread, as capture start is.
     */
    List<CaptureDevice> all() throws CaptureUnavailableException;

    /**
     * The device for an interface the user named ({@code --interface}). An unknown name raises an exception
     * whose reason starts with "No such network interface".
     */
    CaptureDevice named(String name) throws CaptureUnavailableException;

    /** The supported implementation with the highest priority, else {@link #ANY}. */
    static CaptureDevices forThisMachine() {
        return ServiceLoader.load(CaptureDevices.class).stream().map(CaptureDevices::instantiate)
                .filter(Objects::nonNull).filter(CaptureDevices::supports)
                .max(Comparator.comparingInt(CaptureDevices::priority)).orElse(ANY);
    }

    private static CaptureDevices instantiate(ServiceLoader.Provider<CaptureDevices> p) {
        try {
            return p.get();
        } catch (ServiceConfigurationError | RuntimeException e) {
            Logger.getLogger(CaptureDevices.class.getName()).log(Level.WARNING,
                    "capture devices " + p.type().getName() + " could not be created", e);
            return null;
        }
    }

    private static boolean supports(CaptureDevices d) {
        try {
            return d.isSupported();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
