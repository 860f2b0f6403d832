package org.port853.ui.common;

import javafx.animation.AnimationTimer;

/** Work timed by the window's animation pulses (one pulse draws one frame). */
public final class Pulses {
    private Pulses() {
    }

    /** Runs {@code r} on the JavaFX thread at the start of the n-th pulse from now (n = 2: after one frame was drawn). */
    public static void after(int n, Runnable r) {
        new AnimationTimer() {
            private int frames;

            @Override
            public void handle(long now) {
                if (++frames == n) {
                    stop();
                    r.run();
                }
            }
        }.start();
    }
}
