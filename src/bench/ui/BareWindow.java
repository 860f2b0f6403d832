import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The reference: a bare JavaFX window of the same size, timed to its first frame exactly like Port853. It quits after
 * that frame when {@code port853.bench.exit} is true (launch timing), else it stays open (memory soak).
 */
public final class BareWindow {
    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    public static final class App extends Application {
        @Override
        public void start(Stage stage) {
            stage.setScene(new Scene(new StackPane(new Label("bare JavaFX window")), 1040, 740));
            stage.setTitle("bare");
            stage.show();
            new AnimationTimer() {
                private int frames;

                @Override
                public void handle(long now) {
                    if (++frames == 2) {
                        stop();
                        System.out.println("FIRST_FRAME " + System.currentTimeMillis());
                        ProcessHandle.current().info().totalCpuDuration()
                                .ifPresent(cpu -> System.out.println("FIRST_FRAME_CPU " + cpu.toMillis()));
                        System.out.flush();
                        if (Boolean.getBoolean("port853.bench.exit")) {
                            Platform.exit();
                        }
                    }
                }
            }.start();
        }
    }
}
