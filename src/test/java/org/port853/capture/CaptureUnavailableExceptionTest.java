package org.port853.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CaptureUnavailableExceptionTest {
    @Test
    @DisplayName("libpcap's 'No such device' names the interface once, quoted, with libpcap's words kept as the cause")
    void libpcapNoSuchDevice() {
        IllegalStateException pcap = new IllegalStateException("No such device: nosuch0 (No such device exists)");
        CaptureUnavailableException e = LiveCaptureSession.translate(pcap, "nosuch0");
        assertEquals("No such network interface: 'nosuch0'.", e.reason());
        assertEquals("no-such-interface", e.words().wording());
        assertEquals(pcap, e.getCause());
    }

    @Test
    @DisplayName("an interface that is down is said so, with how to bring it up, not as a libpcap that does not work")
    void libpcapInterfaceNotUp() {
        IllegalStateException pcap = new IllegalStateException("That device is not up");
        CaptureUnavailableException e = LiveCaptureSession.translate(pcap, "veth1");
        assertEquals("The network interface 'veth1' is down.", e.reason());
        assertEquals("Bring it up (Linux: sudo ip link set veth1 up), or capture on all interfaces (name none).",
                e.fix());
        assertEquals("interface-down", e.words().wording());
        assertEquals(pcap, e.getCause());
    }

    @Test
    @DisplayName("a failure before any interface is opened (loading libpcap) is never called a missing interface")
    void loadFailureIsNotANamedInterface() {
        UnsatisfiedLinkError load = new UnsatisfiedLinkError("Error looking up function 'pcap_x': No such device");
        CaptureUnavailableException e = LiveCaptureSession.translate(load, null);
        assertEquals("live-failed", e.words().wording());
        assertEquals("Live capture could not start: Error looking up function 'pcap_x': No such device", e.reason());
    }

    @Test
    @DisplayName("a control character in the typed name is shown escaped, in the sentence and in the window's words")
    void typedNameEscaped() {
        CaptureUnavailableException e = CaptureUnavailableException.noSuchInterface("eth\u001b[2J0", "fix", null);
        assertEquals("No such network interface: 'eth\\x1b[2J0'.", e.reason());
        assertEquals("'eth\\x1b[2J0'", e.words().details().get(0));
    }
}
