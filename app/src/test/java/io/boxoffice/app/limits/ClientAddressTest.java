package io.boxoffice.app.limits;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** Per-address limits count an IPv4 client by its address and an IPv6 client by its /64. */
class ClientAddressTest {

    private static String of(String remoteAddress) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(remoteAddress);
        return ClientAddress.of(request);
    }

    @Test
    void anIpv4ClientIsItsAddress() {
        assertThat(of("203.0.113.7")).isEqualTo("203.0.113.7");
    }

    @Test
    void theAddressesOfOneIpv6SubscriberAreOneClient() {
        assertThat(of("2001:db8:abcd:12:1::7")).isEqualTo(of("2001:0db8:abcd:0012:ffff:ffff:ffff:ffff"))
                .isEqualTo("2001:db8:abcd:12::/64");
        assertThat(of("2001:db8:abcd:13::1")).isNotEqualTo(of("2001:db8:abcd:12::1"));
    }
}
