// Sign-in with the built-in token issuer of the embedded default: a username is enough.

import {settings, signIn} from '../api.js';
import {fragmentQuery, go} from '../main.js';
import {element} from '../dom.js';
import {explain} from '../words.js';

export async function render(page) {
    const next = fragmentQuery().get('next') || '#/';
    if (!settings.builtInSignIn) {
        page.append(element(`<div class="message"><h1>Sign in</h1>
            <p>This Boxoffice signs fans in through its identity provider; the built-in sign-in is switched off.</p></div>`));
        return;
    }
    page.append(element(`
        <form class="sign-in narrow">
            <h1>Sign in</h1>
            <p>This Boxoffice runs its built-in sign-in: choose any username. (<strong>admin</strong> may organize
                events.)</p>
            <label>Username <input name="username" required maxlength="64" autocomplete="username"
                pattern="[A-Za-z0-9._@-]+" title="Letters, digits and . _ @ -"></label>
            <p class="problem" role="alert"></p>
            <button type="submit" class="primary">Sign in</button>
        </form>`));
    const form = page.querySelector('form');
    form.querySelector('input').focus();
    form.addEventListener('submit', async event => {
        event.preventDefault();
        try {
            await signIn(new FormData(form).get('username').trim());
            // only fragments of this page: a link must not send fans elsewhere after signing in
            go(next.startsWith('#/') ? next : '#/');
        } catch (error) {
            form.querySelector('.problem').textContent = explain(error);
        }
    });
}
