package io.boxoffice.app.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.boxoffice.app.security.AuthProperties;
import io.boxoffice.command.reservation.ReservationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The fans' and organizers' web front end: plain ES modules and CSS from {@code classpath:/web/}.
 * <p>
 * Every asset is served under {@code /assets/<version>/}, where the version is a hash of all the assets' bytes, so
 * a CDN and browsers keep them for a year ({@code immutable}) and a new release is a new path. Only the small page
 * at {@code /} is revalidated on each visit; it names the current version and carries the settings the scripts
 * need. Libraries come as WebJars under their own versioned {@code /webjars/<name>/<version>/} paths.
 */
@Configuration(proxyBeanMethods = false)
@RestController
public class FrontEnd implements WebMvcConfigurer {

    private static final String ASSETS = "classpath:/web/";
    private static final CacheControl FOREVER = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    private final String version;
    private final String page;
    private final String pageEtag;

    public FrontEnd(ObjectMapper json, AuthProperties auth, ReservationProperties reservations)
            throws JsonProcessingException {
        Resource[] assets = assets();
        this.version = HexFormat.of().formatHex(digest(assets), 0, 6);
        String settings = json.writeValueAsString(Map.of(
                "maxSeatsPerReservation", reservations.maxSeatsPerReservation(),
                "holdSeconds", reservations.holdDuration().toSeconds(),
                "builtInSignIn", auth.issuer().enabled()));
        // every module preloaded: the browser fetches them at once instead of discovering imports one by one
        String preloads = Arrays.stream(assets).map(FrontEnd::location).filter(path -> path.endsWith(".js"))
                .map(path -> "<link rel=\"modulepreload\" href=\"" + assetsPath() + "/" + path + "\">")
                .collect(Collectors.joining("\n    "));
        this.page = read(new PathMatchingResourcePatternResolver().getResource(ASSETS + "index.html"))
                .replace("{{modulepreloads}}", preloads)
                .replace("{{assets}}", assetsPath())
                // the settings sit in a JSON script block: "</" must not end it early
                .replace("{{settings}}", settings.replace("</", "<\\/"));
        this.pageEtag = "\"" + HexFormat.of().formatHex(digest(page.getBytes(StandardCharsets.UTF_8)), 0, 12) + "\"";
    }

    /** Where this release's assets live, e.g. {@code /assets/3f9a0c1b2d4e}. */
    public String assetsPath() {
        return "/assets/" + version;
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler(assetsPath() + "/**").addResourceLocations(ASSETS).setCacheControl(FOREVER);
        registry.addResourceHandler("/webjars/**").addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(FOREVER);
    }

    /** The single page: routes are in the URL's fragment ({@code /#/events/...}), so this is the only HTML. */
    @GetMapping(path = {"/", "/index.html"}, produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> page(@RequestHeader(name = "If-None-Match", required = false) String ifNoneMatch) {
        CacheControl revalidate = CacheControl.noCache();
        if (pageEtag.equals(ifNoneMatch)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(pageEtag).cacheControl(revalidate).build();
        }
        return ResponseEntity.ok().eTag(pageEtag).cacheControl(revalidate)
                .header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; object-src 'none'; "
                        + "base-uri 'none'; frame-ancestors 'none'")
                .body(page);
    }

    private static Resource[] assets() {
        try {
            Resource[] found = new PathMatchingResourcePatternResolver().getResources(ASSETS + "**/*.*");
            Arrays.sort(found, Comparator.comparing(FrontEnd::location));
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException("the front end's assets are part of the application", e);
        }
    }

    private static byte[] digest(Resource[] assets) {
        MessageDigest sha = sha256();
        for (Resource asset : assets) {
            sha.update(location(asset).getBytes(StandardCharsets.UTF_8));
            sha.update(read(asset).getBytes(StandardCharsets.UTF_8));
        }
        return sha.digest();
    }

    private static byte[] digest(byte[] bytes) {
        return sha256().digest(bytes);
    }

    /** The asset's path below {@code web/}, the same from a jar and from a folder. */
    private static String location(Resource asset) {
        try {
            String url = asset.getURL().toString();
            return url.substring(url.lastIndexOf("/web/") + 5);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
