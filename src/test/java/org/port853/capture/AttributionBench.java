package org.port853.capture;
import java.net.*;
/** Attribution cost: one sock_diag lookup vs one cold /proc fd scan for the same socket (docs/benchmarks.md). */
public final class AttributionBench { public static void main(String[] a) throws Exception {
  DatagramSocket s = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
  s.connect(new InetSocketAddress("127.0.0.53", 53));
  int port = s.getLocalPort(); byte[] lo = {127,0,0,1};
  for (int i=0;i<2000;i++) SockDiag.lookup(17, lo, port);
  long t0=System.nanoTime(); int n=5000; long inode=0;
  for (int i=0;i<n;i++) inode=SockDiag.lookup(17, lo, port).get().inode();
  long diag=(System.nanoTime()-t0)/n;
  String who = null;
  t0=System.nanoTime(); for (int i=0;i<20;i++) { who = new SocketOwners().describe(inode, 0);} long scan=(System.nanoTime()-t0)/20;
  System.out.println("sock_diag lookup " + diag/1000.0 + " us; cold /proc fd scan " + scan/1000.0 + " us (" + who + "); ratio " + (double)scan/diag);
}}
