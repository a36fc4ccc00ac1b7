package io.boxoffice.saga.payment.sandbox;

import io.boxoffice.api.problem.Problem;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriUtils;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

/**
 * The sandbox gateway's payment page: {@code GET /sandbox/checkout/{paymentId}} with the time left to pay, Pay and
 * Decline, and {@code POST .../succeed} or {@code .../fail} that make the gateway send its signed webhook.
 */
@RestController
@ConditionalOnProperty(name = "boxoffice.payment.gateway", havingValue = "sandbox", matchIfMissing = true)
public class SandboxCheckoutController {

    private final SandboxGateway gateway;
    private final Clock clock;

    public SandboxCheckoutController(SandboxGateway gateway, Clock clock) {
        this.gateway = gateway;
        this.clock = clock;
    }

    @GetMapping(path = "/sandbox/checkout/{paymentId}", produces = MediaType.TEXT_HTML_VALUE)
    public String page(@PathVariable String paymentId,
                       @RequestParam(name = "returnTo", defaultValue = "/") String returnTo) {
        SandboxGateway.SandboxPayment payment = payment(paymentId);
        String amount = HtmlUtils.htmlEscape(payment.amount().amount() + " " + payment.amount().currency());
        String base = "/sandbox/checkout/" + HtmlUtils.htmlEscape(paymentId);
        String back = HtmlUtils.htmlEscape(localPath(returnTo));
        // the way back rides in the form's query: encoded, or its '#' would end the query there
        String backParameter = HtmlUtils.htmlEscape(UriUtils.encodeQueryParam(localPath(returnTo),
                StandardCharsets.UTF_8));
        String body = payment.payable(clock.instant())
                ? """
                  <p class="amount">%s</p>
                  %s
                  <form method="post" action="%s/succeed?returnTo=%s"><button class="pay">Pay %s</button></form>
                  <form method="post" action="%s/fail?returnTo=%s"><button class="decline">Decline</button></form>
                  """.formatted(amount, timeLeft(payment.payBy()), base, backParameter, amount, base,
                        backParameter)
                : """
                  <p class="amount">%s</p>
                  <p class="status" role="alert">%s</p>
                  <p><a href="%s">Back to Boxoffice</a></p>
                  """.formatted(amount, closed(payment), back);
        return html(HtmlUtils.htmlEscape(payment.reservationId()), body);
    }

    /** The hold's end as a countdown (a script the page carries: a real gateway's page would show it too). */
    private static String timeLeft(Instant payBy) {
        if (payBy == null) {
            return "";
        }
        return """
               <p class="time-left">Boxoffice holds your seats for <strong role="timer" data-until="%s">%s</strong>
               more.</p>
               <script>
                 const left = document.querySelector('[data-until]');
                 const tick = () => {
                   const seconds = Math.max(0, Math.ceil((Date.parse(left.dataset.until) - Date.now()) / 1000));
                   left.textContent = Math.floor(seconds / 60) + ':' + String(seconds %% 60).padStart(2, '0');
                   if (seconds === 0) {
                     document.querySelectorAll('button').forEach(button => button.disabled = true);
                     left.closest('p').textContent = 'Your hold at Boxoffice has ended: this payment can no longer '
                       + 'be made, and you have not been charged.';
                   } else {
                     setTimeout(tick, 500);
                   }
                 };
                 tick();
               </script>
               """.formatted(payBy, payBy);
    }

    /** Why a payment cannot be made, in the fan's words. */
    private String closed(SandboxGateway.SandboxPayment payment) {
        return switch (payment.status()) {
            case OPEN, VOIDED -> "This payment can no longer be made: your hold at Boxoffice has ended (or the "
                    + "reservation was cancelled or paid another way). You have not been charged.";
            case SUCCEEDED -> "This payment has been made. Boxoffice confirms your tickets in a moment.";
            case FAILED -> "This payment was declined and you have not been charged. Go back to Boxoffice to pay "
                    + "again while your seats are held.";
            case REFUNDED -> "This payment was refunded.";
        };
    }

    private static String html(String reservationId, String body) {
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Sandbox payment</title>
                <style>
                  body { font-family: system-ui, sans-serif; max-width: 26rem; margin: 3rem auto; padding: 0 1rem; }
                  .banner { background: #fff4ce; padding: .5rem .75rem; border-radius: .4rem; }
                  .amount { font-size: 2rem; margin: 1.5rem 0; }
                  button { width: 100%%; padding: .8rem; margin: .3rem 0; font-size: 1rem; border: 0;
                           border-radius: .4rem; cursor: pointer; }
                  .pay { background: #1a7f37; color: white; } .decline { background: #eee; }
                  button:disabled { opacity: .5; cursor: not-allowed; }
                </style></head>
                <body><main>
                <h1>Sandbox payment</h1>
                <p class="banner">Boxoffice's sandbox gateway: no real money moves.</p>
                <p>Reservation <code>%s</code></p>
                %s
                </main></body></html>
                """.formatted(reservationId, body);
    }

    @PostMapping("/sandbox/checkout/{paymentId}/succeed")
    public ResponseEntity<String> succeed(@PathVariable String paymentId,
                                          @RequestParam(name = "returnTo", defaultValue = "/") String returnTo,
                                          @RequestHeader(name = HttpHeaders.ACCEPT, defaultValue = "") String accept) {
        return settled(paymentId, gateway.succeed(paymentId), returnTo, accept);
    }

    @PostMapping("/sandbox/checkout/{paymentId}/fail")
    public ResponseEntity<String> fail(@PathVariable String paymentId,
                                       @RequestParam(name = "returnTo", defaultValue = "/") String returnTo,
                                       @RequestHeader(name = HttpHeaders.ACCEPT, defaultValue = "") String accept) {
        return settled(paymentId, gateway.fail(paymentId), returnTo, accept);
    }

    /**
     * After paying, the fan goes back where they came from, as from a real gateway's page. A payment that can no
     * longer be made is told in words to a browser, and as a problem to any other client.
     */
    private ResponseEntity<String> settled(String paymentId, boolean settled, String returnTo, String accept) {
        if (settled) {
            return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(localPath(returnTo))).build();
        }
        SandboxGateway.SandboxPayment payment = payment(paymentId);
        if (accept.contains(MediaType.TEXT_HTML_VALUE)) {
            return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.TEXT_HTML)
                    .body(html(HtmlUtils.htmlEscape(payment.reservationId()), """
                            <p class="status" role="alert">%s</p>
                            <p><a href="%s">Back to Boxoffice</a></p>
                            """.formatted(closed(payment), HtmlUtils.htmlEscape(localPath(returnTo)))));
        }
        throw Problem.of(HttpStatus.CONFLICT.value(), "payment-not-open", "Payment not open",
                "payment " + paymentId + " is " + payment.status().name().toLowerCase()).refused();
    }

    private SandboxGateway.SandboxPayment payment(String paymentId) {
        return gateway.find(paymentId).orElseThrow(() -> Problem.of(HttpStatus.NOT_FOUND.value(), "payment-not-found",
                "Payment not found", "no sandbox payment " + paymentId).refused());
    }

    /** Only paths of this site: a payment page must not send fans to a site named in its link. */
    private static String localPath(String returnTo) {
        return returnTo.startsWith("/") && !returnTo.startsWith("//") ? returnTo : "/";
    }
}
