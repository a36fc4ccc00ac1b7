package io.boxoffice.app.limits;

import jakarta.servlet.http.HttpServletRequest;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Where a request comes from, for per-address limits. Behind a load balancer this is the client's address that
 * Tomcat took from {@code X-Forwarded-For}, trusted only from the internal proxies of
 * {@code server.tomcat.remoteip.internal-proxies}. An IPv6 client is counted by its /64: one subscriber gets a
 * whole /64 and could otherwise take a new address for every request.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        if (address == null || !address.contains(":")) {
            return address;
        }
        try {
            InetAddress parsed = InetAddress.getByName(address); // a literal: no name is looked up
            if (parsed instanceof Inet6Address) {
                byte[] bytes = parsed.getAddress();
                StringBuilder prefix = new StringBuilder();
                for (int i = 0; i < 8; i += 2) {
                    prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
                }
                return prefix.append(":/64").toString();
            }
        } catch (UnknownHostException notAnAddress) {
            // Tomcat gives a literal address; anything else is counted as it is
        }
        return address;
    }
}
