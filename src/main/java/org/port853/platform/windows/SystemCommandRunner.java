package org.port853.platform.windows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs commands on the real machine with a timeout, reading output as UTF-8 (PowerShell) or the OEM code page. */
public final class SystemCommandRunner implements CommandRunner {
    private final Duration timeout;

    public SystemCommandRunner(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public Output run(Command command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command.argv());
        pb.environment().putAll(command.env());
        Process p = pb.start();
        p.getOutputStream().close();
        // PowerShell scripts set their output to UTF-8; netsh (writes only: just its error text) uses the code page.
        Charset cs = command.argv().get(0).equals(PowerShell.EXE) ? StandardCharsets.UTF_8 : nativeCharset();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> drain(p.getInputStream(), cs));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> drain(p.getErrorStream(), cs));
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IOException(PowerShell.describe(command) + " did not finish within " + timeout.toSeconds()
                        + " s");
            }
            return new Output(p.exitValue(), out.get(2, TimeUnit.SECONDS), err.get(2, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException("could not read the output of " + PowerShell.describe(command), e);
        }
    }

    private static Charset nativeCharset() {
        try {
            return Charset.forName(System.getProperty("native.encoding", "UTF-8"));
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }

    private static String drain(InputStream in, Charset cs) {
        try (in) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            in.transferTo(b);
            return CommandRunner.withoutBom(b.toString(cs));
        } catch (IOException e) {
            return "";
        }
    }
}
