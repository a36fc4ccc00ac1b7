package io.boxoffice.app.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Base of the tests that run against the shared application context: its HTTP API, its event store and its
 * meters, ready before each test.
 */
@BoxofficeIntegrationTest
public abstract class ApplicationTest {

    @LocalServerPort
    protected int port;
    @Autowired
    protected ApplicationContext context;

    protected Api api;
    protected EventStoreProbe store;
    protected Meters meters;

    @BeforeEach
    void connect() {
        api = new Api(port);
        store = new EventStoreProbe(context);
        meters = new Meters(context);
    }
}
