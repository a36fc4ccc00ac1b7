package io.boxoffice.app.support;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.interactions.PointerInput;
import org.openqa.selenium.interactions.Sequence;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A fan's browser: Debian's headless Chromium driven through its chromedriver, on the application under test.
 * Nothing is downloaded: where the packages are missing, the test is skipped and says how to install them.
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of(System.getProperty("boxoffice.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER =
            Path.of(System.getProperty("boxoffice.chromedriver", "/usr/bin/chromedriver"));
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final Pattern CLOCK = Pattern.compile("(?:(\\d+):)?(\\d+):(\\d\\d)");
    /** The axe-core impacts that keep some fans from using a page at all, rather than making it awkward. */
    private static final Set<String> BLOCKING = Set.of("serious", "critical");

    private final ChromeDriver driver;
    private final String base;

    private Browser(ChromeDriver driver, int port) {
        this.driver = driver;
        this.base = "http://localhost:" + port;
    }

    /** A new browser with its own profile (no cookies, storage or cache), as a second fan's would be. */
    public static Browser open(int port) {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Browser tests skipped: Chromium is not installed here (" + CHROMIUM + ", " + CHROMEDRIVER
                        + "). Install Debian's packages: apt-get install chromium chromium-driver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // headless as root in a sandboxed machine, and none of the calls home that a closed network refuses
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--no-first-run", "--lang=en-US", "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options), port);
    }

    /** Opens a page of the front end by its route, e.g. {@code #/events/<id>}. */
    public Browser go(String route) {
        driver.get(base + "/" + route);
        return this;
    }

    /** A new fan creates an account on the sign-up page, and is signed in by it. */
    public Browser signUp(String username) {
        go("#/sign-up");
        return submitCredentials(username, Api.PASSWORD);
    }

    /** Signs in on the sign-in page with an account's password. */
    public Browser signIn(String username, String password) {
        go("#/sign-in");
        return submitCredentials(username, password);
    }

    private Browser submitCredentials(String username, String password) {
        type("input[name=username]", username);
        type("input[name=password]", password);
        click("form.sign-in button[type=submit]");
        waitUntil(d -> username.equals(element("#who").getText()));
        return this;
    }

    /** Signs out, and waits for the events page it leads to: it would otherwise replace a page opened next. */
    public Browser signOut() {
        click("#sign-out");
        waitUntil(d -> element("#who").getText().isEmpty() && currentUrl().endsWith("#/"));
        return this;
    }

    /** Opens an event's page and waits until its seat map is drawn with the event's availability. */
    public Browser openEvent(String eventId) {
        go("#/events/" + eventId);
        waitUntil(d -> !driver.findElements(By.cssSelector("seat-map[data-complete]")).isEmpty());
        return this;
    }

    /** The element, once the page has rendered it (pages render after their scripts and data arrive). */
    public WebElement element(String css) {
        return patiently().until(d -> d.findElement(By.cssSelector(css)));
    }

    public List<WebElement> elements(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public String text(String css) {
        return element(css).getText();
    }

    /** Clicks the element, looking again if the page re-rendered it meanwhile. */
    public void click(String css) {
        patiently().until(d -> {
            d.findElement(By.cssSelector(css)).click();
            return true;
        });
    }

    public void type(String css, String text) {
        WebElement field = element(css);
        field.clear();
        field.sendKeys(text);
    }

    /** The seconds a countdown shows ("4:32", "1:04:32"). */
    public int secondsLeft(String css) {
        String shown = text(css);
        Matcher clock = CLOCK.matcher(shown);
        if (!clock.matches()) {
            throw new AssertionError("not a countdown: \"" + shown + "\" in " + css);
        }
        int hours = clock.group(1) == null ? 0 : Integer.parseInt(clock.group(1));
        return hours * 3600 + Integer.parseInt(clock.group(2)) * 60 + Integer.parseInt(clock.group(3));
    }

    public void waitUntil(ExpectedCondition<Boolean> condition) {
        patiently().until(condition);
    }

    /** Pages re-render as the fan's data changes, so an element found a moment ago may be gone: look again. */
    private WebDriverWait patiently() {
        WebDriverWait wait = new WebDriverWait(driver, PATIENCE);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    public void waitForText(String css, String expected) {
        waitUntil(d -> d.findElements(By.cssSelector(css)).stream().anyMatch(e -> e.getText().contains(expected)));
    }

    public Object js(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** A seat's status on this fan's map: AVAILABLE, HELD or SOLD. */
    public String seatStatus(String seatId) {
        return (String) js("return document.querySelector('seat-map').statusOf(arguments[0])", seatId);
    }

    public boolean seatSelected(String seatId) {
        return (Boolean) js("return document.querySelector('seat-map').isSelected(arguments[0])", seatId);
    }

    /** Clicks a seat with the mouse, where the map draws it. */
    public void clickSeat(String seatId) {
        Point at = onMap("screenPosition", seatId);
        new Actions(driver).moveToLocation(at.x(), at.y()).click().perform();
    }

    /** Taps a seat with a finger, where the map draws it. */
    public void tapSeat(String seatId) {
        tap(onMap("screenPosition", seatId));
    }

    /** Taps the middle of a section of the seat map, as the map stands. */
    public void tapSection(String sectionId) {
        tap(onMap("sectionPosition", sectionId));
    }

    /** Moves the mouse over the middle of a section of the seat map. */
    public void hoverSection(String sectionId) {
        Point at = onMap("sectionPosition", sectionId);
        new Actions(driver).moveToLocation(at.x(), at.y()).perform();
    }

    /** A point of the viewport, CSS pixels. */
    public record Point(int x, int y) {
    }

    @SuppressWarnings("unchecked")
    private Point onMap(String method, String id) {
        Map<String, Number> at = (Map<String, Number>) js(
                "return document.querySelector('seat-map')." + method + "(arguments[0])", id);
        return new Point(at.get("x").intValue(), at.get("y").intValue());
    }

    /** A touch screen's tap: pointer events of type "touch", as a phone sends them. */
    public void tap(Point at) {
        PointerInput finger = new PointerInput(PointerInput.Kind.TOUCH, "finger");
        Sequence tap = new Sequence(finger, 0)
                .addAction(finger.createPointerMove(Duration.ZERO, PointerInput.Origin.viewport(), at.x(), at.y()))
                .addAction(finger.createPointerDown(PointerInput.MouseButton.LEFT.asArg()))
                .addAction(finger.createPointerUp(PointerInput.MouseButton.LEFT.asArg()));
        driver.perform(List.of(tap));
    }

    /**
     * What the seat map's last frame showed: {@code detail} (sections or seats), {@code pitch} (CSS pixels between
     * neighbouring seats), {@code sectionLabels}, {@code rowLabels}, {@code stage} (its label, if drawn) and
     * {@code highlighted} (the seats the accessible-seating filter shows).
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> seatMap() {
        return (Map<String, Object>) js("return document.querySelector('seat-map').shownState()");
    }

    /** Whether the map draws the seat as held by this fan. */
    public boolean seatMine(String seatId) {
        return (Boolean) js("return document.querySelector('seat-map').isMine(arguments[0])", seatId);
    }

    /** Presses Tab until the element matching css has the focus, as a keyboard user would. */
    public void tabTo(String css) {
        for (int presses = 0; presses < 40; presses++) {
            if ((Boolean) js("return document.activeElement.matches(arguments[0])", css)) {
                return;
            }
            actions().sendKeys(Keys.TAB).perform();
        }
        throw new AssertionError("Tab never reached " + css);
    }

    public Actions actions() {
        return new Actions(driver);
    }

    public String currentUrl() {
        return driver.getCurrentUrl();
    }

    /** Requests to URLs matching these patterns ({@code *} wildcards) fail from now on, as on a broken network. */
    public void block(String... urlPatterns) {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of(urlPatterns)));
    }

    /** axe-core's serious and critical violations on the page as it is now (all of its rules, WCAG's and its own). */
    public List<Rule> seriousAccessibilityViolations() {
        Results results = new AxeBuilder().analyze(driver);
        if (results.isErrored()) {
            throw new IllegalStateException("axe-core could not check " + currentUrl() + ": "
                    + results.getErrorMessage());
        }
        return results.getViolations().stream().filter(rule -> BLOCKING.contains(rule.getImpact())).toList();
    }

    /** Saves what the browser shows as {@code target/screenshots/<name>.png}. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes this browser's clock run in another zone, as a fan's abroad does (e.g. America/New_York). */
    public Browser inTimeZone(String zoneId) {
        driver.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", zoneId));
        return this;
    }

    /** The window's size in CSS pixels, e.g. a phone's 390 x 844. */
    public void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
