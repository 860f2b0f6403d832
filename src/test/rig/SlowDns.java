import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;

/**
 * A DNS server for tests that answers every query after the number of milliseconds its first label names
 * ({@code q3-20-x.test}: after 20 ms) with NXDOMAIN, like a resolver that far away. Run with the single-file
 * launcher: {@code java SlowDns.java ADDRESS}; prints UP once listening on ADDRESS port 53.
 */
public class SlowDns {
    public static void main(String[] args) throws Exception {
        DatagramSocket s = new DatagramSocket(53, InetAddress.getByName(args[0]));
        System.out.println("UP");
        System.out.flush();
        while (true) {
            DatagramPacket p = new DatagramPacket(new byte[4096], 4096);
            s.receive(p);
            byte[] q = java.util.Arrays.copyOf(p.getData(), p.getLength());
            String label = new String(q, 13, q[12], StandardCharsets.US_ASCII);
            long delay = Long.parseLong(label.split("-")[1]);
            new Thread(() -> {
                try {
                    Thread.sleep(delay);
                    q[2] |= (byte) 0x80;
                    q[3] = (byte) 0x83;
                    s.send(new DatagramPacket(q, q.length, p.getSocketAddress()));
                } catch (Exception e) {
                    e.printStackTrace();
                }
            }).start();
        }
    }
}
