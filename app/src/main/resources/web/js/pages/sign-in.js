// Signing in with a username and password, or creating an account (#/sign-up), with the built-in sign-in.

import {settings, signIn, signUp} from '../api.js';
import {fragmentQuery, go, titled} from '../main.js';
import {element} from '../dom.js';
import {ACCOUNT_RULES, explain} from '../words.js';

export async function render(page, mode) {
    const next = fragmentQuery().get('next') || '#/';
    const creating = mode === 'sign-up';
    const title = creating ? 'Create your account' : 'Sign in';
    if (!settings.builtInSignIn) {
        page.append(element(`<div class="message"><h1>Sign in</h1>
            <p>This Boxoffice signs fans in through its identity provider; the built-in sign-in is switched off.</p></div>`));
        titled('Sign in');
        return;
    }
    const other = `#/${creating ? 'sign-in' : 'sign-up'}?next=${encodeURIComponent(next)}`;
    page.append(element(`
        <form class="sign-in narrow" novalidate>
            <h1>${title}</h1>
            <label>Username <input name="username" required minlength="3" maxlength="64" autocomplete="username"
                autocapitalize="none" spellcheck="false" aria-describedby="username-hint"></label>
            <p class="hint" id="username-hint">${creating ? ACCOUNT_RULES.username : ''}</p>
            <label>Password <input name="password" type="password" required minlength="${creating ? 10 : 1}"
                maxlength="128" autocomplete="${creating ? 'new-password' : 'current-password'}"
                aria-describedby="password-hint"></label>
            <p class="hint" id="password-hint">${creating
                ? `${ACCOUNT_RULES.password} A few unrelated words make a strong one.` : ''}</p>
            <p class="problem" role="alert"></p>
            <button type="submit" class="primary">${creating ? 'Create account' : 'Sign in'}</button>
            <p class="switch"><a href="${other}">${creating
                ? 'Already have an account? Sign in' : 'New here? Create an account'}</a></p>
        </form>`));
    titled(title);
    const form = page.querySelector('form');
    const problem = form.querySelector('.problem');
    form.addEventListener('submit', async event => {
        event.preventDefault();
        const fields = new FormData(form);
        const username = String(fields.get('username')).trim().toLowerCase();
        const password = String(fields.get('password'));
        for (const input of form.querySelectorAll('input')) {
            input.removeAttribute('aria-invalid');
        }
        problem.textContent = '';
        if (!username || !password) {
            problem.textContent = 'Please enter a username and a password.';
            return;
        }
        const button = form.querySelector('button[type=submit]');
        button.disabled = true;
        try {
            await (creating ? signUp : signIn)(username, password);
            // only fragments of this page: a link must not send fans elsewhere after signing in
            go(next.startsWith('#/') ? next : '#/');
        } catch (error) {
            problem.textContent = refusal(form, error);
        } finally {
            button.disabled = false;
        }
    });
}

/**
 * Why the account or the sign-in was refused, in words. A refused username or password is marked on its field and
 * answered with what it must be: the server's own wording of its checks is not for fans.
 */
function refusal(form, error) {
    const fields = (error.type === 'invalid-request' ? error.problem?.errors || [] : [])
        .map(refused => refused.field).filter(field => ACCOUNT_RULES[field]);
    for (const field of fields) {
        form.elements[field].setAttribute('aria-invalid', 'true');
    }
    return fields.length ? fields.map(field => ACCOUNT_RULES[field]).join(' ') : explain(error);
}
