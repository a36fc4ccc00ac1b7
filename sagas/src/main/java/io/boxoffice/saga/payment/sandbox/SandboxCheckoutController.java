package io.boxoffice.saga.payment.sandbox;

import io.boxoffice.api.problem.Problem;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import java.net.URI;

/**
 * The sandbox gateway's payment page: {@code GET /sandbox/checkout/{paymentId}} with Pay and Decline, and
 * {@code POST .../succeed} or {@code .../fail} that make the gateway send its signed webhook.
 */
@RestController
@ConditionalOnProperty(name = "boxoffice.payment.gateway", havingValue = "sandbox", matchIfMissing = true)
public class SandboxCheckoutController {

    private final SandboxGateway gateway;

    public SandboxCheckoutController(SandboxGateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping(path = "/sandbox/checkout/{paymentId}", produces = MediaType.TEXT_HTML_VALUE)
    public String page(@PathVariable String paymentId,
                       @RequestParam(name = "returnTo", defaultValue = "/") String returnTo) {
        SandboxGateway.SandboxPayment payment = payment(paymentId);
        String amount = HtmlUtils.htmlEscape(payment.amount().amount() + " " + payment.amount().currency());
        String base = "/sandbox/checkout/" + HtmlUtils.htmlEscape(paymentId);
        String back = HtmlUtils.htmlEscape(localPath(returnTo));
        String body = payment.status() == SandboxGateway.Status.OPEN
                ? """
                  <p class="amount">%s</p>
                  <form method="post" action="%s/succeed?returnTo=%s"><button class="pay">Pay %s</button></form>
                  <form method="post" action="%s/fail?returnTo=%s"><button class="decline">Decline</button></form>
                  """.formatted(amount, base, back, amount, base, back)
                : """
                  <p class="amount">%s</p>
                  <p class="status">This payment is %s.</p>
                  <p><a href="%s">Back to Boxoffice</a></p>
                  """.formatted(amount, payment.status().name().toLowerCase(), back);
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
                </style></head>
                <body>
                <h1>Sandbox payment</h1>
                <p class="banner">Boxoffice's sandbox gateway: no real money moves.</p>
                <p>Reservation <code>%s</code></p>
                %s
                </body></html>
                """.formatted(HtmlUtils.htmlEscape(payment.reservationId()), body);
    }

    @PostMapping("/sandbox/checkout/{paymentId}/succeed")
    public ResponseEntity<Void> succeed(@PathVariable String paymentId,
                                        @RequestParam(name = "returnTo", defaultValue = "/") String returnTo) {
        return settled(paymentId, gateway.succeed(paymentId), returnTo);
    }

    @PostMapping("/sandbox/checkout/{paymentId}/fail")
    public ResponseEntity<Void> fail(@PathVariable String paymentId,
                                     @RequestParam(name = "returnTo", defaultValue = "/") String returnTo) {
        return settled(paymentId, gateway.fail(paymentId), returnTo);
    }

    /** After paying, the fan goes back where they came from, as from a real gateway's page. */
    private ResponseEntity<Void> settled(String paymentId, boolean settled, String returnTo) {
        if (!settled) {
            throw Problem.of(HttpStatus.CONFLICT.value(), "payment-not-open", "Payment not open",
                    "payment " + paymentId + " is " + payment(paymentId).status().name().toLowerCase()).refused();
        }
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(localPath(returnTo))).build();
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
