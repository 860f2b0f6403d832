package org.port853.ui.tray;

import org.port853.ui.common.I18n;

/**
 * Where Port853 has no tray implementation (Windows' notification area is not built yet): says so, shows
 * nothing, so "Start minimised" opens the window instead.
 */
public final class UnavailableTray implements Tray {
    @Override
    public Registration start(TrayState initial, TrayActions actions) {
        return Registration.unavailable(I18n.t("tray.unavailable.platform"));
    }

    @Override
    public void update(TrayState state) {
    }

    @Override
    public void close() {
    }
}
