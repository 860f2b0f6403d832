package org.port853.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CaptureDevicesTest {
    @Test
    @DisplayName("Linux keeps libpcap's any device with SLL2 (the interface index); a named interface is opened as is")
    void anyDevice() throws Exception {
        assertEquals(List.of(new CaptureDevice("any", "any", LinkTypes.LINUX_SLL2, false)), CaptureDevices.ANY.all());
        assertEquals(CaptureDevice.of("eth0", "eth0"), CaptureDevices.ANY.named("eth0"));
        assertEquals(CaptureDevices.ANY, CaptureDevices.forThisMachine(), "no other choice applies on Linux");
    }

    @Test
    @DisplayName("--interface accepts Linux and Windows adapter names and rejects what cannot be one")
    void plausibleNames() {
        for (String ok : List.of("eth0", "wlp2s0", "br-1a2b", "veth@if3", "Wi-Fi", "Ethernet 2", "vEthernet (Default Switch)",
                "\\Device\\NPF_{4F0D8C3E-2B6A-4C1E-9A57-1D2E3F4A5B6C}", "WLAN-Verbindung", "イーサネット")) {
            assertTrue(CaptureDevice.isPlausibleName(ok), ok);
        }
        for (String bad : List.of("", " ", "eth0; reboot", "a\"b", "tab\there", "line\nbreak", "x".repeat(129), "$(x)")) {
            assertFalse(CaptureDevice.isPlausibleName(bad), bad);
        }
        assertFalse(CaptureDevice.isPlausibleName(null));
        assertThrows(IllegalArgumentException.class, () -> CaptureDevice.of(" ", "x"));
    }
}
