package org.port853.platform.windows.jna;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.WString;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.port853.platform.windows.DnsProbe;

/** Resolves a name through the Windows DNS client with {@code DnsQueryEx}, bypassing its cache. */
public final class JnaDnsProbe implements DnsProbe {
    interface Dnsapi extends Library {
        int DnsQueryEx(DnsQueryStructs.Request request, DnsQueryStructs.Result result, Pointer cancel);

        void DnsFree(Pointer data, int freeType);
    }

    private static final int DNS_FREE_RECORD_LIST = 1;

    @Override
    public Answer query(String name, Duration timeout) {
        CompletableFuture<Answer> f = CompletableFuture.supplyAsync(() -> {
            Dnsapi api = Native.load("dnsapi", Dnsapi.class);
            DnsQueryStructs.Request req = new DnsQueryStructs.Request();
            req.Version = DnsQueryStructs.DNS_QUERY_REQUEST_VERSION1;
            req.QueryName = new WString(name);
            req.QueryType = DnsQueryStructs.DNS_TYPE_A;
            req.QueryOptions = DnsQueryStructs.DNS_QUERY_BYPASS_CACHE;
            DnsQueryStructs.Result res = new DnsQueryStructs.Result();
            res.Version = DnsQueryStructs.DNS_QUERY_REQUEST_VERSION1;
            int status = api.DnsQueryEx(req, res, null);
            res.read();
            if (res.pQueryRecords != null) {
                api.DnsFree(res.pQueryRecords, DNS_FREE_RECORD_LIST);
            }
            return status == 0 && res.QueryStatus == 0 ? new Answer(true, "answered")
                    : new Answer(false, "DnsQueryEx status " + (status != 0 ? status : res.QueryStatus));
        });
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            return new Answer(false, "no answer within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(false, "interrupted");
        } catch (java.util.concurrent.ExecutionException | RuntimeException | LinkageError e) {
            return new Answer(false, "DnsQueryEx failed: " + e.getMessage());
        }
    }
}
