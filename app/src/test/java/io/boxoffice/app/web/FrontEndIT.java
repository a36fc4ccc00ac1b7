package io.boxoffice.app.web;

import io.boxoffice.app.support.ApplicationTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** How the front end is served: a small page that is always revalidated, and assets a CDN keeps for a year. */
class FrontEndIT extends ApplicationTest {

    private static final Pattern ASSETS = Pattern.compile("src=\"(/assets/[0-9a-f]{12})/js/main\\.js\"");

    @Test
    void thePageIsRevalidatedOnEveryVisitAndNamesThisReleasesAssets() {
        HttpResponse<String> page = api.raw("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/html"));
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
                assertThat(policy).contains("default-src 'self'", "frame-ancestors 'none'"));
        assertThat(page.body()).contains("\"maxSeatsPerReservation\":8", "\"holdSeconds\":600")
                .doesNotContain("{{");
        String etag = page.headers().firstValue("ETag").orElseThrow();
        assertThat(api.raw("/", "If-None-Match", etag).statusCode()).isEqualTo(304);
    }

    @Test
    void assetsAndLibrariesAreImmutableUnderVersionedPaths() {
        Matcher assets = ASSETS.matcher(api.raw("/").body());
        assertThat(assets.find()).isTrue();
        for (String path : new String[]{assets.group(1) + "/js/main.js", assets.group(1) + "/app.css",
                assets.group(1) + "/js/seatmap/seat-map.js", "/webjars/qr-creator/1.0.0/dist/qr-creator.es6.min.js"}) {
            HttpResponse<String> asset = api.raw(path);
            assertThat(asset.statusCode()).as(path).isEqualTo(200);
            assertThat(asset.headers().firstValue("Cache-Control")).as(path)
                    .hasValue("max-age=31536000, public, immutable");
        }
        assertThat(api.raw(assets.group(1) + "/js/main.js").headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/javascript"));
        // another release's assets are not served under this one's name, nor files outside the assets
        assertThat(api.raw("/assets/000000000000/js/main.js").statusCode()).isEqualTo(404);
        assertThat(api.raw(assets.group(1) + "/../application.properties").statusCode()).isIn(400, 404);
        assertThat(api.raw("/application.properties").statusCode()).isEqualTo(404);
    }
}
