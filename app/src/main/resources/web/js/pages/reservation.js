// One reservation: the hold with its countdown, pay or cancel; the wait for the payment; the tickets.

import {call, graphql, serverNow} from '../api.js';
import {countdown} from '../countdown.js';
import {fragmentQuery, requireSignIn, titled, toast} from '../main.js';
import {element, tag} from '../dom.js';
import {explain, money, seatNames, when} from '../words.js';
import {ticketCard} from '../tickets.js';

const EVENT = 'query($id: ID!) { event(id: $id) { id name startsAt venue { id name city timeZone } } }';
const POLL_MS = 2000;

export async function render(page, reservationId) {
    if (!requireSignIn()) {
        return null;
    }
    const path = `/api/reservations/${encodeURIComponent(reservationId)}`;
    let reservation = await call(path);
    const event = (await graphql(EVENT, {id: reservation.eventId})).event;
    const names = event ? seatNames(await call(`/api/venues/${encodeURIComponent(event.venue.id)}`)) : new Map();
    const seatName = id => names.get(id) || id;
    // back from the gateway's page: the payment's webhook may still be on its way
    let awaitingPayment = fragmentQuery().get('payment') === 'done';
    // when this fan last went to pay: a decline since then is the answer to that payment
    const checkoutKey = `checkout:${reservationId}`;
    const declinedSinceCheckout = () => Boolean(reservation.paymentDeclinedAt)
        && Date.parse(reservation.paymentDeclinedAt) >= Number(sessionStorage.getItem(checkoutKey) || 0);
    let timers = [];
    const stop = () => {
        timers.forEach(timer => clearInterval(timer) || clearTimeout(timer));
        timers = [];
    };

    function show() {
        stop();
        page.replaceChildren(element(`
            <div class="reservation">
                <h1></h1>
                <p class="event-when"></p>
                <div class="state"></div>
                <ul class="seats"></ul>
                <p class="total">Total <strong></strong></p>
                <div class="actions"></div>
                <div class="tickets"></div>
            </div>`));
        page.querySelector('h1').textContent = event ? event.name : 'Your reservation';
        page.querySelector('.event-when').textContent = event
            ? `${when(event.startsAt, event.venue.timeZone)} · ${event.venue.name}, ${event.venue.city}` : '';
        page.querySelector('.seats').replaceChildren(...reservation.seatIds.map(id => tag('li', seatName(id))));
        page.querySelector('.total strong').textContent = money(reservation.amount);
        const status = reservation.status;
        if (awaitingPayment && declinedSinceCheckout()) {
            awaitingPayment = false;
        }
        if (status === 'HELD' && awaitingPayment) {
            state('Confirming your payment…', 'waiting');
            // no word from the gateway after a while (the fan came back without paying): the hold is theirs again
            timers.push(setTimeout(() => {
                awaitingPayment = false;
                show();
            }, 20000));
        } else if (status === 'HELD') {
            showHold();
        } else if (status === 'CONFIRMED') {
            state('You are going! Show these tickets at the door.', 'success');
            page.querySelector('.tickets').replaceChildren(...reservation.tickets.map(ticket =>
                ticketCard(ticket, seatName(ticket.seatId), event)));
        } else if (status === 'PAYMENT_FAILED') {
            // reservations from before a decline kept the hold
            state('Your payment was declined, so your seats were released. You have not been charged.', 'error');
            againLink();
        } else if (status === 'CANCELLED') {
            state('You cancelled this hold. The seats went back on sale.', 'ended');
            againLink();
        } else if (status === 'EXPIRED') {
            const refunds = reservation.refunds || [];
            state(refunds.length
                ? `Your payment arrived after your hold ended, so it was refunded (${refunds.map(r =>
                    `${money(r.amount)}: ${r.status.toLowerCase().replace('_', ' ')}`).join(', ')}).`
                : 'Your hold ended before payment. The seats went back on sale.', 'ended');
            againLink();
        }
        if (status === 'HELD') {
            timers.push(setInterval(refresh, awaitingPayment ? 1000 : POLL_MS));
        }
    }

    function state(words, kind) {
        const box = page.querySelector('.state');
        box.replaceChildren(tag('p', words, {class: `message ${kind}`, role: kind === 'error' ? 'alert' : 'status'}));
    }

    function showHold() {
        const box = page.querySelector('.state');
        box.replaceChildren(element(`
            <p class="message error declined" role="alert" hidden>Your payment was declined and you have not been
                charged. Your seats are still held for you: check your card details and pay again.</p>
            <div class="hold-timer">
                <p>Your seats are held for you for</p>
                <p class="countdown" role="timer" aria-live="off"></p>
                <p class="visually-hidden hold-announcement" aria-live="assertive"></p>
            </div>`));
        box.querySelector('.declined').hidden = !declinedSinceCheckout();
        const actions = page.querySelector('.actions');
        actions.replaceChildren(element(`
            <p class="problem" role="alert"></p>
            <button type="button" class="primary pay"></button>
            <button type="button" class="secondary cancel">Cancel hold</button>`));
        const pay = actions.querySelector('.pay');
        pay.textContent = declinedSinceCheckout() ? `Pay ${money(reservation.amount)} again`
            : `Pay ${money(reservation.amount)}`;
        pay.addEventListener('click', () => checkout(actions));
        actions.querySelector('.cancel').addEventListener('click', () => cancel(actions));
        const countdownBox = box.querySelector('.countdown');
        let warned = false;
        timers.push(countdown(countdownBox, reservation.expiresAt, {
            tick: seconds => {
                countdownBox.classList.toggle('urgent', seconds <= 60);
                if (seconds <= 60 && !warned) {
                    warned = true;
                    box.querySelector('.hold-announcement').textContent = 'Less than a minute left to pay.';
                }
            },
            end: () => {
                stop();
                state('Your hold has ended. The seats went back on sale.', 'ended');
                actions.replaceChildren();
                againLink();
                timers.push(setInterval(refresh, POLL_MS));
            },
        }));
    }

    async function checkout(actions) {
        actions.querySelectorAll('button').forEach(button => button.disabled = true);
        try {
            const payment = await call(`${path}/checkout`, {method: 'POST'});
            sessionStorage.setItem(checkoutKey, String(serverNow()));
            const back = `/#/reservations/${encodeURIComponent(reservationId)}?payment=done`;
            location.assign(`${payment.checkoutUrl}${payment.checkoutUrl.includes('?') ? '&' : '?'}returnTo=${
                encodeURIComponent(back)}`);
        } catch (error) {
            actions.querySelector('.problem').textContent = explain(error);
            actions.querySelectorAll('button').forEach(button => button.disabled = false);
            refresh();
        }
    }

    async function cancel(actions) {
        actions.querySelectorAll('button').forEach(button => button.disabled = true);
        try {
            await call(path, {method: 'DELETE'});
            toast('Your hold is cancelled.');
            await refresh();
        } catch (error) {
            actions.querySelector('.problem').textContent = explain(error);
            actions.querySelectorAll('button').forEach(button => button.disabled = false);
        }
    }

    function againLink() {
        page.querySelector('.actions').replaceChildren(
            tag('a', 'Pick seats again', {href: `#/events/${encodeURIComponent(reservation.eventId)}`,
                class: 'button'}));
    }

    async function refresh() {
        try {
            const latest = await call(path);
            const changed = latest.status !== reservation.status
                || latest.paymentDeclinedAt !== reservation.paymentDeclinedAt
                || (latest.refunds || []).length !== (reservation.refunds || []).length;
            reservation = latest;
            if (changed) {
                awaitingPayment = false;
                show();
            }
        } catch {
            // polling: the next round tries again
        }
    }

    show();
    titled('Reservation');
    return stop;
}
