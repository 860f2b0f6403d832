package org.port853.platform.windows.jna;

import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.WString;

/**
 * {@code DNS_QUERY_REQUEST} and {@code DNS_QUERY_RESULT} from windns.h, as DnsQueryEx takes them (version 1).
 * On 64-bit Windows the request is 64 bytes and the result 32 (tests check the field offsets).
 */
public final class DnsQueryStructs {
    public static final int DNS_QUERY_REQUEST_VERSION1 = 1;
    public static final long DNS_QUERY_BYPASS_CACHE = 0x00000008L;
    public static final short DNS_TYPE_A = 1;

    private DnsQueryStructs() {
    }

    @Structure.FieldOrder({"Version", "QueryName", "QueryType", "QueryOptions", "pDnsServerList", "InterfaceIndex",
        "pQueryCompletionCallback", "pQueryContext"})
    public static class Request extends Structure {
        public int Version;
        public WString QueryName;
        public short QueryType;
        public long QueryOptions;
        public Pointer pDnsServerList;
        public int InterfaceIndex;
        public Pointer pQueryCompletionCallback;
        public Pointer pQueryContext;

        public int offsetOf(String field) {
            return fieldOffset(field);
        }
    }

    @Structure.FieldOrder({"Version", "QueryStatus", "QueryOptions", "pQueryRecords", "Reserved"})
    public static class Result extends Structure {
        public int Version;
        public int QueryStatus;
        public long QueryOptions;
        public Pointer pQueryRecords;
        public Pointer Reserved;

        public int offsetOf(String field) {
            return fieldOffset(field);
        }
    }
}
